import { authMarker } from './har';
import { apiKeyEnvVar, basicAuthUser, type SnippetLanguage } from './languages';
import { doubleQuoted, keyExpression, shellQuote } from './literals';
import { isFileField, type KeySource, type SnippetRequest } from './model';

/**
 * Small corrections to httpsnippet's output, one function per target. Each
 * swaps the Authorization marker for the language's own Basic auth idiom and
 * repairs what that target gets wrong (listed beside each fix).
 */

function replaceMarkerLine(code: string, replace: (indent: string, line: string) => string): string {
  const lines = code.split('\n');
  const index = lines.findIndex((line) => line.includes(authMarker));
  if (index < 0) throw new Error('The generated snippet lost its Authorization header.');
  const line = lines[index] ?? '';
  lines[index] = replace(/^\s*/.exec(line)?.[0] ?? '', line);
  return lines.join('\n');
}

/**
 * Applies `map` to the inside of every double-quoted literal, skipping
 * single-quoted ones, for languages whose double quotes interpolate.
 */
export function mapDoubleQuoted(code: string, map: (inner: string) => string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const ch = code[i] ?? '';
    if (ch !== '"' && ch !== "'") {
      out += ch;
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < code.length && code[j] !== ch) j += code[j] === '\\' ? 2 : 1;
    const inner = code.slice(i + 1, j);
    out += ch + (ch === '"' ? map(inner) : inner) + ch;
    i = j + 1;
  }
  return out;
}

function curlUser(key: KeySource): string {
  return key.kind === 'env' ? `"${basicAuthUser}:$${apiKeyEnvVar}"` : shellQuote(`${basicAuthUser}:${key.key}`);
}

/**
 * curl: auth becomes `--user`; the explicit multipart Content-Type goes
 * (curl must write it with its own boundary); form fields are rewritten so
 * values are sent literally: `--form-string` (plain `--form` reads a value
 * starting with @ or < as a file) and `--data-urlencode` (plain `--data`
 * sends & and = unencoded, splitting the field).
 */
export function fixCurl(code: string, request: SnippetRequest, key: KeySource): string {
  const args = code
    .split(/ \\\n/)
    .map((arg) => arg.trim())
    .filter((arg) => !/^--header '?content-type: multipart\/form-data/i.test(arg))
    .filter((arg) => !(request.body.kind === 'form' || request.body.kind === 'multipart') || !/^--(data|form)\b/.test(arg))
    .map((arg) => (arg.includes(authMarker) ? `--user ${curlUser(key)}` : arg));
  const { body } = request;
  if (body.kind === 'form') {
    for (const field of body.fields) if (!isFileField(field)) args.push(`--data-urlencode ${shellQuote(`${field.name}=${field.value}`)}`);
  } else if (body.kind === 'multipart') {
    for (const field of body.fields) {
      if (isFileField(field)) {
        const path = field.fileName.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
        args.push(`--form ${shellQuote(`${field.name}=@"${path}"`)}`);
      } else {
        args.push(`--form-string ${shellQuote(`${field.name}=${field.value}`)}`);
      }
    }
  }
  if (!args.some((arg) => arg.startsWith('--user '))) throw new Error('The generated snippet lost its Authorization header.');
  return `${args.join(' \\\n  ')}\n`;
}

/** Go: `SetBasicAuth`, and the `os` import it needs. */
export function fixGo(code: string, key: KeySource): string {
  const fixed = replaceMarkerLine(
    code,
    (indent) => `${indent}req.SetBasicAuth(${doubleQuoted(basicAuthUser)}, ${keyExpression('go', key)})`,
  );
  return key.kind === 'env' ? fixed.replace('import (\n', 'import (\n\t"os"\n') : fixed;
}

/** Ruby: `basic_auth`; `#{`, `#@` and `#$` in double-quoted literals would interpolate, so they are escaped. */
export function fixRuby(code: string, key: KeySource): string {
  const escaped = mapDoubleQuoted(code, (inner) => inner.replace(/#(?=[{@$])/g, '\\#'));
  return replaceMarkerLine(
    escaped,
    (indent) => `${indent}request.basic_auth(${doubleQuoted(basicAuthUser)}, ${keyExpression('ruby', key)})`,
  );
}

/** PHP: `$` in double-quoted literals would interpolate a variable, so it is escaped. */
export function fixPhp(code: string, key: KeySource): string {
  const escaped = mapDoubleQuoted(code, (inner) => inner.replace(/\$/g, '\\$'));
  return escaped.replace(
    `"Authorization: Basic ${authMarker}"`,
    `"Authorization: Basic " . base64_encode('${basicAuthUser}:' . ${keyExpression('php', key)})`,
  );
}

/** Java (OkHttp): `Credentials.basic`, plus the import the fragment needs. */
export function fixJava(code: string, key: KeySource): string {
  const fixed = code.replace(`"Basic ${authMarker}"`, `Credentials.basic(${doubleQuoted(basicAuthUser)}, ${keyExpression('java', key)})`);
  return `import okhttp3.*;\n\n${fixed}`;
}

export function fixLibraryOutput(language: SnippetLanguage, code: string, request: SnippetRequest, key: KeySource): string {
  let fixed: string;
  switch (language) {
    case 'curl':
      return fixCurl(code, request, key);
    case 'go':
      fixed = fixGo(code, key);
      break;
    case 'ruby':
      fixed = fixRuby(code, key);
      break;
    case 'php':
      fixed = fixPhp(code, key);
      break;
    case 'java':
      fixed = fixJava(code, key);
      break;
    default:
      throw new Error(`${language} is not generated by the library.`);
  }
  if (fixed.includes(authMarker)) throw new Error('The Authorization marker was left in the snippet.');
  return fixed.endsWith('\n') ? fixed : `${fixed}\n`;
}
