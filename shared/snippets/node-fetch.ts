import { basicAuthUser } from './languages';
import { jsString, keyExpression } from './literals';
import { isFileField, type KeySource, type SnippetRequest } from './model';

/*
 * Written by hand rather than with httpsnippet: its Node targets pull in the
 * node-fetch and form-data packages (Node 18+ has both built in), join a
 * repeated form field into one comma-separated value, leave quotes unescaped
 * in multipart fields and send a file's name instead of its content.
 */

function objectKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name);
}

export function nodeFetchSnippet(request: SnippetRequest, key: KeySource): string {
  const lines: string[] = [];
  const { body } = request;
  const hasFiles = body.kind === 'multipart' && body.fields.some(isFileField);
  // Text of the generated program, not an import of ours: the snippet runs under Node.
  const fsModule = 'node:fs';
  if (hasFiles) lines.push(`import { openAsBlob } from '${fsModule}';`, '');
  lines.push(`const url = ${jsString(request.url)};`);
  if (body.kind === 'multipart') {
    lines.push('const form = new FormData();');
    for (const field of body.fields) {
      lines.push(
        isFileField(field)
          ? `form.append(${jsString(field.name)}, await openAsBlob(${jsString(field.fileName)}), ${jsString(field.fileName)});`
          : `form.append(${jsString(field.name)}, ${jsString(field.value)});`,
      );
    }
  } else if (body.kind === 'form') {
    lines.push('const form = new URLSearchParams([');
    for (const field of body.fields) if (!isFileField(field)) lines.push(`  [${jsString(field.name)}, ${jsString(field.value)}],`);
    lines.push(']);');
  }
  const auth = `'Basic ' + Buffer.from(${jsString(`${basicAuthUser}:`)} + ${keyExpression('js', key)}).toString('base64')`;
  lines.push(
    '',
    'const response = await fetch(url, {',
    `  method: ${jsString(request.method)},`,
    '  headers: {',
    `    Authorization: ${auth},`,
  );
  for (const [name, value] of request.headers) lines.push(`    ${objectKey(name)}: ${jsString(value)},`);
  lines.push('  },');
  if (body.kind === 'multipart' || body.kind === 'form') lines.push('  body: form,');
  if (body.kind === 'text') lines.push(`  body: ${jsString(body.text)},`);
  lines.push('});', '', 'console.log(response.status, await response.text());');
  return `${lines.join('\n')}\n`;
}
