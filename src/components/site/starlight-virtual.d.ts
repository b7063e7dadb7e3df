/** Types for the two Starlight virtual modules the Search override imports (Starlight ships none for user code). */
declare module 'virtual:starlight/pagefind-config' {
  /** The `pagefind` option of the Starlight integration. */
  export const pagefindUserConfig: Record<string, unknown>;
}
declare module 'virtual:starlight/project-context' {
  const project: {
    build: { format: string };
    root: string;
    srcDir: string;
    trailingSlash: 'always' | 'never' | 'ignore';
  };
  export default project;
}
