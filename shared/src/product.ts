/**
 * The product's version and repository, read from package.json when the bundle is built
 * (esbuild inlines only these two fields), so the CLI's `--version`, the rule documentation
 * links and SARIF's `informationUri`/`helpUri` always agree with package.json.
 */
import { repository, version } from '../../package.json';

export const VERSION: string = version;

/** The repository's web address: package.json's `repository.url` without `git+` and `.git`. */
export const REPOSITORY_URL: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The documentation page of a rule (`docs/rules/<id>.md` in the repository). */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
