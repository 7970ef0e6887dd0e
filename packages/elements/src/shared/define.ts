/**
 * Registers a custom element unless the tag is already taken: a host page that loads two
 * copies of the widgets (two plugins, two bundles) gets a console warning, never the
 * "has already been used with this registry" exception.
 */
export function define(tag: string, constructor: CustomElementConstructor): boolean {
  const registry = globalThis.customElements;
  if (!registry) return false;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(
        `[creditbank] <${tag}> is already defined by another copy of the widgets; keeping the first. ` +
          'Load one copy, or give the second a tag prefix.',
      );
    }
    return false;
  }
  registry.define(tag, constructor);
  return true;
}
