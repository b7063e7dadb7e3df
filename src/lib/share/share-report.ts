/**
 * What the notice for an opened share link says beyond the items it skipped: settings that deserve
 * a second look, and the secrets the reader adds. Kept apart from the codec in `share.ts`.
 */
import {
  endpointOf,
  modeOf,
  offersStorage,
  type FormState,
  type Provider,
} from '../input/provider.ts';
import type { Applied } from './share-keys.ts';
import { unsafeChar } from '../safety/unsafe-chars.ts';

/** The registrable domain of a provider's example host (`acme.omniapp.co` -> `omniapp.co`), unless it is a reserved example. */
export function vendorDomain(exampleHost: string): string | undefined {
  const host = exampleHost.trim().toLowerCase();
  if (
    !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ||
    /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost)$/.test(host)
  )
    return undefined;
  return host.split('.').slice(-2).join('.');
}

/** What a reader should check twice in a link: a host outside the provider's own domain, a secret written into the file. */
export function cautionsFor(provider: Provider, form: FormState, applied: Applied[]): string[] {
  const cautions: string[] = [];
  const mode = modeOf(provider, form);
  const endpoint = endpointOf(provider, form);
  for (const param of endpoint.params) {
    // Only a param that IS the host ("https://{instance}/...") moves where credentials are sent.
    if (
      !endpoint.url.startsWith(`https://{${param.key}}`) ||
      !applied.some((a) => a.key === `p.${param.key}`)
    )
      continue;
    const vendor = vendorDomain(param.example);
    const host = (form.params[param.key] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[:/].*$/, '');
    if (vendor && host !== vendor && !host.endsWith(`.${vendor}`)) {
      const what = 'secretLabel' in mode ? `your ${mode.secretLabel}` : 'your sign-in';
      cautions.push(
        `This link points ${provider.name} at ${short(host)}, which is not an ${vendor} address: ${what} would be sent there. Check that it is your own instance.`,
      );
    }
  }
  if (
    form.storage === 'inline' &&
    applied.some((a) => a.key === 'storage') &&
    offersStorage(mode)
  ) {
    cautions.push(
      'This link switches "Where the credential is kept" to config.toml: the file would hold your credential in plaintext. Choose "In an environment variable" unless you mean it.',
    );
  }
  return cautions;
}

/** The secret fields of the chosen sign-in method, which the reader must fill in themselves. */
export function secretsToAdd(provider: Provider, form: FormState): string[] {
  const mode = modeOf(provider, form);
  if (mode.kind === 'basic') return [mode.userLabel, mode.secretLabel];
  if (mode.kind === 'bearer' || mode.kind === 'header') return [mode.secretLabel];
  return [];
}

/** Keeps notices readable whatever a link holds: short, and without characters that could reorder or hide text. */
export function short(text: string): string {
  let flat = text.length > 40 ? text.slice(0, 40) : text;
  for (let bad = unsafeChar(flat); bad; bad = unsafeChar(flat))
    flat = `${flat.slice(0, bad.index)}?${flat.slice(bad.index + 1)}`;
  return text.length > 40 ? `${flat}…` : flat;
}
