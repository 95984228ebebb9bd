import { basicAuthUser } from './languages';
import { doubleQuoted, keyExpression } from './literals';
import { isFileField, type KeySource, type SnippetRequest } from './model';

/*
 * Written by hand rather than with httpsnippet: its HttpClient target leaves
 * quotes and backslashes unescaped in form values, builds form bodies from a
 * Dictionary (which throws on a repeated name such as two `to` fields) and
 * uploads an empty string instead of the file.
 */

const q = doubleQuoted;

export function csharpSnippet(request: SnippetRequest, key: KeySource): string {
  const { body } = request;
  const lines = [
    'using System.Net.Http.Headers;',
    'using System.Text;',
    '',
    'var client = new HttpClient();',
    `var request = new HttpRequestMessage(new HttpMethod(${q(request.method)}), ${q(request.url)});`,
    'request.Headers.Authorization = new AuthenticationHeaderValue(',
    `    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(${q(`${basicAuthUser}:`)} + ${keyExpression('csharp', key)})));`,
  ];
  // Content-Type belongs to the content object in .NET; adding it to the request headers throws.
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() !== 'content-type') lines.push(`request.Headers.Add(${q(name)}, ${q(value)});`);
  }
  if (body.kind === 'multipart') {
    lines.push('var form = new MultipartFormDataContent();');
    for (const field of body.fields) {
      lines.push(
        isFileField(field)
          ? `form.Add(new StreamContent(File.OpenRead(${q(field.fileName)})), ${q(field.name)}, ${q(field.fileName)});`
          : `form.Add(new StringContent(${q(field.value)}), ${q(field.name)});`,
      );
    }
    lines.push('request.Content = form;');
  } else if (body.kind === 'form') {
    lines.push('request.Content = new FormUrlEncodedContent(new[]', '{');
    for (const field of body.fields) {
      if (!isFileField(field)) lines.push(`    new KeyValuePair<string, string>(${q(field.name)}, ${q(field.value)}),`);
    }
    lines.push('});');
  } else if (body.kind === 'text') {
    lines.push(`request.Content = new StringContent(${q(body.text)}, Encoding.UTF8, ${q(body.mimeType.split(';')[0] ?? body.mimeType)});`);
  }
  lines.push(
    '',
    'using var response = await client.SendAsync(request);',
    'Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");',
  );
  return `${lines.join('\n')}\n`;
}
