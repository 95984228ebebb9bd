import Handlebars from 'handlebars';

/**
 * Mailgun renders stored templates with Handlebars before sending: the
 * message's variables fill `{{name}}`, `{{#if}}`, `{{#each}}` and Mailgun's own
 * `{{#equal a b}}` block. One isolated Handlebars environment keeps that helper
 * out of the library's global one.
 */
const engine = Handlebars.create();
engine.registerHelper('equal', function (this: unknown, left: unknown, right: unknown, options: Handlebars.HelperOptions) {
  // Mailgun compares the two as text, so {{#equal count "3"}} matches the number 3.
  return String(left) === String(right) ? options.fn(this) : options.inverse(this);
});

export type RenderResult = { readonly ok: true; readonly html: string } | { readonly ok: false; readonly message: string };

export function renderTemplate(source: string, variables: Readonly<Record<string, unknown>>): RenderResult {
  try {
    return { ok: true, html: engine.compile(source, { strict: false })(variables) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, message: (message ?? '').slice(0, 300) };
  }
}

/**
 * The variables a template sees: `h:X-Mailgun-Variables` (and `v:` fields),
 * then `t:variables`, which wins where both name the same variable.
 */
export function templateVariables(
  userVariables: Readonly<Record<string, string>>,
  mailgunVariables: string | undefined,
  templateVariablesJson: string | undefined,
): { readonly ok: true; readonly variables: Record<string, unknown> } | { readonly ok: false; readonly message: string } {
  const out: Record<string, unknown> = { ...userVariables };
  for (const [name, raw] of [
    ['h:X-Mailgun-Variables', mailgunVariables],
    ['t:variables', templateVariablesJson],
  ] as const) {
    if (raw === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, message: `'${name}' must be a JSON object` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, message: `'${name}' must be a JSON object` };
    for (const [key, value] of Object.entries(parsed)) if (key !== '__proto__') out[key] = value;
  }
  return { ok: true, variables: out };
}
