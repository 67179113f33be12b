/** Where each rule's documentation page lives (the `docs/rules/<id>.md` pages of the repository). */
export const REPOSITORY_URL = 'https://github.com/integration-manifests/integration-manifests';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
