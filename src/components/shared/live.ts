/** Clipboard and screen-reader announcements, shared by the generator and the config doctor. */
import { useState } from 'preact/hooks';

/** Copies text, falling back to a hidden textarea where the async clipboard API is unavailable. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * A polite live-region message, the function that announces one, and the one that withdraws a
 * message that no longer holds (only if it is still the one shown).
 */
export function useAnnouncer(): [string, (message: string) => void, (message: string) => void] {
  const [announcement, setAnnouncement] = useState('');
  const announce = (message: string) => {
    // Clearing first makes screen readers repeat an identical message.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(message), 50);
  };
  const withdraw = (message: string) =>
    setAnnouncement((shown) => (shown === message ? '' : shown));
  return [announcement, announce, withdraw];
}
