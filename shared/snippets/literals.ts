import { apiKeyEnvVar } from './languages';
import type { KeySource } from './model';

/**
 * String literals per language. Each escapes exactly what that language's
 * chosen quote style needs, so any value (quotes, backslashes, `$`, `#{`,
 * line breaks) survives into the program unchanged.
 */

/** POSIX shell single quotes: nothing is special inside except the quote itself. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function escapeControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

export function jsString(text: string): string {
  return `'${escapeControls(text.replaceAll('\\', '\\\\').replaceAll("'", "\\'"))}'`;
}

/** Python, Go, Java and C# all read JSON's double-quoted escapes the same way. */
export function doubleQuoted(text: string): string {
  return JSON.stringify(text);
}

/** PHP and Ruby single quotes: no interpolation, only `\\` and `\'` are escapes. */
export function singleQuoted(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export type KeyLanguage = 'shell' | 'js' | 'python' | 'go' | 'php' | 'ruby' | 'java' | 'csharp';

/** An expression that yields the API key: the environment variable, or the revealed key as a literal. */
export function keyExpression(language: KeyLanguage, source: KeySource): string {
  if (source.kind === 'literal') {
    switch (language) {
      case 'shell':
        return shellQuote(source.key);
      case 'js':
        return jsString(source.key);
      case 'php':
      case 'ruby':
        return singleQuoted(source.key);
      default:
        return doubleQuoted(source.key);
    }
  }
  switch (language) {
    case 'shell':
      return `"$${apiKeyEnvVar}"`;
    case 'js':
      return `process.env.${apiKeyEnvVar}`;
    case 'python':
      return `os.environ["${apiKeyEnvVar}"]`;
    case 'go':
      return `os.Getenv("${apiKeyEnvVar}")`;
    case 'php':
      return `getenv('${apiKeyEnvVar}')`;
    case 'ruby':
      return `ENV["${apiKeyEnvVar}"]`;
    case 'java':
      return `System.getenv("${apiKeyEnvVar}")`;
    case 'csharp':
      return `Environment.GetEnvironmentVariable("${apiKeyEnvVar}")`;
  }
}
