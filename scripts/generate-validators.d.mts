/** The path of server/src/schema/validators.generated.ts. */
export const GENERATED: string;
/** The generated module's text, from the schema as it is now. */
export function validatorsSource(): string;
