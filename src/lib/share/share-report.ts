/**
 * What the notice for an opened share link says beyond the items it skipped: settings that deserve
 * a second look, and the secrets the reader adds. Kept apart from the codec in `share.ts`.
 */
import { realHost, vendorDomain } from '../input/boundary.ts';
import { readForm } from '../input/read-form.ts';
import {
  endpointOf,
  fillEndpoint,
  modeOf,
  offersStorage,
  type FormState,
  type Provider,
} from '../input/provider.ts';
import type { Applied } from './share-keys.ts';
import { unsafeChar } from '../safety/unsafe-chars.ts';

// One definition, shared with the form's host reader.
export { vendorDomain } from '../input/boundary.ts';

/** What a reader should check twice in a link: a host outside the provider's own domain, a secret written into the file. */
export function cautionsFor(provider: Provider, form: FormState, applied: Applied[]): string[] {
  const cautions: string[] = [];
  const mode = modeOf(provider, form);
  const endpoint = endpointOf(provider, form);
  // Judged on the address Codex is given, parsed as Codex parses it (WHATWG URL), never on how the text looks.
  const read = readForm(provider, form).form;
  const url = fillEndpoint(endpoint.url, read.params);
  const host = realHost(url)?.toLowerCase().replace(/:\d+$/, '');
  const what = 'secretLabel' in mode ? `your ${mode.secretLabel}` : 'your sign-in';
  for (const param of endpoint.params) {
    if (!applied.some((a) => a.key === `p.${param.key}`) || host === undefined) continue;
    const typed = form.params[param.key] ?? '';
    // Only a param that IS the host ("https://{instance}/...") moves where credentials are sent.
    if (endpoint.url.startsWith(`https://{${param.key}}`)) {
      const vendor = vendorDomain(param.example);
      if (vendor && host !== vendor && !host.endsWith(`.${vendor}`))
        cautions.push(
          `This link points ${provider.name} at ${short(host)}, which is not an ${vendor} address: ${what} would be sent there. Check that it is your own instance.`,
        );
    } else if (endpoint.url === `{${param.key}}`) {
      // A whole URL: say which host it really reaches when its text could suggest another.
      const shown = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)/i.exec(typed.trim())?.[1]?.toLowerCase();
      if (shown !== undefined && shown.replace(/:\d+$/, '') !== host)
        cautions.push(
          `This link's ${param.label} reaches the host ${short(host)}, not what its text may suggest (${short(shown)}): ${what} would be sent there.`,
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
