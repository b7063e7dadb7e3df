/** Labelled form controls whose messages sit next to them and are tied in with aria-describedby. */
import type { Diagnostic } from '../../lib/generator/model.ts';

interface Common {
  id: string;
  messages: Diagnostic[];
  help?: string;
}

/**
 * Text with Markdown inline code: each `x` becomes <code>x</code>. Built as elements, never as
 * HTML, so a message quoting a hostile value cannot inject markup. An unpaired backtick stays as is.
 */
export function InlineCode({ text }: { text: string }) {
  // The captured code spans land at the odd indexes.
  return (
    <>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>
  );
}

/** A field's messages, each with its severity in words (`${id}-msg`, for aria-describedby). */
export function Messages({ id, messages }: { id: string; messages: Diagnostic[] }) {
  if (messages.length === 0) return null;
  return (
    <ul class="cmg-messages" id={`${id}-msg`}>
      {messages.map((m) => (
        <li class={`cmg-msg cmg-${m.severity}`}>
          <strong>{m.severity === 'error' ? 'Error: ' : 'Warning: '}</strong>
          <InlineCode text={m.message} />
        </li>
      ))}
    </ul>
  );
}

const describedBy = (
  id: string,
  help: string | undefined,
  messages: Diagnostic[],
): string | undefined =>
  [help ? `${id}-help` : '', messages.length > 0 ? `${id}-msg` : ''].filter(Boolean).join(' ') ||
  undefined;

/**
 * A text input. Secret inputs are masked (unless `masked` is false), never autocompleted, and never
 * spell-checked (which may send text away).
 */
export function Text(
  props: Common & {
    label: string;
    value: string;
    onInput: (v: string) => void;
    placeholder?: string;
    secret?: boolean;
    masked?: boolean;
    multiline?: boolean;
  },
) {
  const { id, label, value, onInput, placeholder, secret, help, messages, multiline } = props;
  const masked = secret && props.masked !== false;
  const invalid = messages.some((m) => m.severity === 'error');
  const described = describedBy(id, help, messages);
  // Optional attributes are left out rather than set to undefined (exactOptionalPropertyTypes).
  const shared = {
    id,
    value,
    autocomplete: 'off',
    autocapitalize: 'off' as const,
    spellcheck: false,
    ...(placeholder !== undefined && { placeholder }),
    ...(secret && { 'data-secret': '' }),
    ...(invalid && { 'aria-invalid': 'true' as const }),
    ...(described !== undefined && { 'aria-describedby': described }),
  };
  return (
    <div class="cmg-field" data-field={id}>
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...shared} rows={3} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...shared}
          type={masked ? 'password' : 'text'}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      {help && (
        <p class="cmg-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <Messages id={id} messages={messages} />
    </div>
  );
}

/** A group of radio buttons with a legend. */
export function Choice(
  props: Common & {
    legend: string;
    value: string;
    options: { value: string; label: string; help: string }[];
    onChange: (v: string) => void;
    inline?: boolean;
  },
) {
  const { id, legend, value, options, onChange, help, messages, inline } = props;
  return (
    <fieldset
      class={inline ? 'cmg-choice cmg-inline' : 'cmg-choice'}
      aria-describedby={describedBy(id, help, messages)}
    >
      <legend>{legend}</legend>
      {options.map((o, i) => (
        <div class="cmg-option">
          <input
            type="radio"
            id={`${id}-${i}`}
            name={id}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
          />
          <label for={`${id}-${i}`}>
            {o.label}
            {o.help && <span class="cmg-help"> {o.help}</span>}
          </label>
        </div>
      ))}
      {help && (
        <p class="cmg-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <Messages id={id} messages={messages} />
    </fieldset>
  );
}

/** A checkbox. */
export function Check(
  props: Common & { label: string; checked: boolean; onChange: (v: boolean) => void },
) {
  const { id, label, checked, onChange, messages } = props;
  return (
    <div class="cmg-field cmg-check">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={describedBy(id, undefined, messages)}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      <Messages id={id} messages={messages} />
    </div>
  );
}
