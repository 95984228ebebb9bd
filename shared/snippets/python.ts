import { basicAuthUser } from './languages';
import { doubleQuoted, keyExpression } from './literals';
import { isFileField, type KeySource, type SnippetRequest } from './model';

/*
 * Written by hand rather than with httpsnippet: its requests target puts
 * query and form fields in dicts, so a repeated name (two `to` recipients)
 * keeps only the last value, and it writes an upload as the string
 * "open('report.pdf', 'rb')" instead of opening the file.
 */

const q = doubleQuoted;

export function pythonSnippet(request: SnippetRequest, key: KeySource): string {
  const lines: string[] = [];
  if (key.kind === 'env') lines.push('import os', '');
  lines.push('import requests', '');
  const { body } = request;
  const call = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)
    ? `requests.${request.method.toLowerCase()}(`
    : `requests.request(${q(request.method)}, `;
  lines.push(`response = ${call}`, `    ${q(request.url)},`, `    auth=(${q(basicAuthUser)}, ${keyExpression('python', key)}),`);
  if (request.headers.length > 0) {
    lines.push('    headers={');
    for (const [name, value] of request.headers) lines.push(`        ${q(name)}: ${q(value)},`);
    lines.push('    },');
  }
  if (body.kind === 'form' || body.kind === 'multipart') {
    const texts = body.fields.filter((field) => !isFileField(field));
    const files = body.fields.filter(isFileField);
    if (texts.length > 0) {
      lines.push('    data=[');
      for (const field of texts) if (!isFileField(field)) lines.push(`        (${q(field.name)}, ${q(field.value)}),`);
      lines.push('    ],');
    }
    if (files.length > 0) {
      lines.push('    files=[');
      for (const field of files) lines.push(`        (${q(field.name)}, (${q(field.fileName)}, open(${q(field.fileName)}, "rb"))),`);
      lines.push('    ],');
    }
  }
  if (body.kind === 'text') lines.push(`    data=${q(body.text)}.encode("utf-8"),`);
  lines.push(')', '', 'print(response.status_code, response.text)');
  return `${lines.join('\n')}\n`;
}
