/**
 * `pure(View)`: a component rendered again only when its data changes, for the form fields, which
 * an island renders afresh on every keystroke although a keystroke changes one of them.
 */
import { Component, type ComponentClass, type FunctionComponent } from 'preact';

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
};

/**
 * Equal as data: primitives by identity, plain arrays and objects by content (a field's messages
 * and options are built anew on every render), functions always (they are called through
 * `pure`'s forwarders, which reach the latest ones). Anything else (elements, class instances) only
 * by identity.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'function' && typeof b === 'function') return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka)
    if (
      !(k in b) ||
      !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
      return false;
  return true;
}

/**
 * `View`, skipped when its props are the same data as last time. Its function props are replaced
 * by forwarders that call the parent's latest ones: a skipped render still leaves Preact holding
 * the new props (it updates them when shouldComponentUpdate says no), so a callback that closes
 * over the parent's state of the last render (SettingsFields' `set`) is never stale.
 */
export function pure<P extends object>(View: FunctionComponent<P>): ComponentClass<P> {
  return class Pure extends Component<P> {
    static override displayName = `pure(${View.displayName ?? View.name})`;
    private forwarders = new Map<string, (...args: unknown[]) => unknown>();
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return !sameData(this.props, next);
    }
    private forwarder(key: string) {
      let f = this.forwarders.get(key);
      if (!f) {
        f = (...args: unknown[]) =>
          (this.props as Record<string, (...a: unknown[]) => unknown>)[key]!(...args);
        this.forwarders.set(key, f);
      }
      return f;
    }
    override render(props: Readonly<P>) {
      const shown: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props))
        shown[k] = typeof v === 'function' && k !== 'children' ? this.forwarder(k) : v;
      return <View {...(shown as P)} />;
    }
  };
}
