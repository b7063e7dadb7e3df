/**
 * `pure(View)`: a component rendered again only when its data changes, for the form fields and
 * output blocks, which an island renders afresh on every keystroke although a keystroke changes one
 * or two of them.
 */
import { Component, type ComponentClass, type FunctionComponent } from 'preact';

type Fn = (...args: unknown[]) => unknown;

const isPlain = (v: object): boolean =>
  [Object.prototype, Array.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * Equal as data: primitives by identity, plain arrays and objects by content (a field's messages
 * and a block's tokens are built anew on every render), functions always (they are called through
 * `pure`'s forwarders, which reach the latest ones). Anything else (elements, class instances) only
 * by identity.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b || (typeof a == 'function' && typeof b == 'function')) return true;
  if (!a || !b || typeof a != 'object' || typeof b != 'object') return false;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) != Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length == Object.keys(b).length &&
    keys.every(
      (k) =>
        k in b && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/**
 * `View`, skipped when its props are the same data as last time. Its function props are replaced
 * by forwarders that call the parent's latest ones: a skipped render still leaves Preact holding
 * the new props (it updates them when shouldComponentUpdate says no), so a callback that closes
 * over the parent's state of the last render (SettingsFields' `set`) is never stale.
 */
export function pure<P extends object>(View: FunctionComponent<P>): ComponentClass<P> {
  return class extends Component<P> {
    f: Record<string, Fn> = {};
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return !sameData(this.props, next);
    }
    override render(props: Readonly<P>) {
      const shown: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props))
        shown[k] =
          typeof v == 'function'
            ? (this.f[k] ??= (...args) => (this.props as Record<string, Fn>)[k]!(...args))
            : v;
      return <View {...(shown as P)} />;
    }
  };
}
