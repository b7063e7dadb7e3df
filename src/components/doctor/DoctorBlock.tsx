/** The doctor's output block: a block too long to lay out quickly shows only its start, as plain text, and Copy copies all of it. */
import type { ComponentProps } from 'preact';
import { textOf } from '../../lib/generator/tokens.ts';
import { OutputBlock } from '../shared/OutputBlock.tsx';

/** Chromium took 0.4 s of CPU to lay out a 20,000-line block; this many characters take a few ms. */
const SHOWN_CHARS = 20_000;

export function DoctorBlock(props: ComponentProps<typeof OutputBlock>) {
  const text = textOf(props.tokens);
  if (text.length <= SHOWN_CHARS) return <OutputBlock {...props} />;
  return (
    <>
      <OutputBlock {...props} shown={text.slice(0, SHOWN_CHARS)} />
      <p class="cmg-help" data-truncated>
        Only the first {SHOWN_CHARS.toLocaleString('en')} of {text.length.toLocaleString('en')}{' '}
        characters are shown here; Copy copies all of them.
      </p>
    </>
  );
}
