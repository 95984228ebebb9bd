import { basicAuthUser } from './languages';
import { doubleQuoted, keyExpression, singleQuoted } from './literals';
import { isFileField, type KeySource, type SnippetField, type SnippetRequest } from './model';

/*
 * Multipart requests in Go, Ruby, Java and PHP are written by hand: for those
 * targets httpsnippet serialises the whole body into one string with a fixed
 * boundary and an empty part where the file should be, so an attachment
 * would never be sent. Requests without files still come from the library.
 */

function capitalised(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1).toLowerCase();
}

export function goMultipartSnippet(request: SnippetRequest, fields: readonly SnippetField[], key: KeySource): string {
  const q = doubleQuoted;
  const hasFiles = fields.some(isFileField);
  const imports = ['bytes', 'fmt', 'io', 'mime/multipart', 'net/http', ...(hasFiles || key.kind === 'env' ? ['os'] : [])];
  const lines = ['package main', '', 'import (', ...imports.map((name) => `\t"${name}"`), ')', '', 'func main() {'];
  lines.push('\tbody := &bytes.Buffer{}', '\tform := multipart.NewWriter(body)');
  for (const field of fields) {
    if (!isFileField(field)) {
      lines.push(`\tform.WriteField(${q(field.name)}, ${q(field.value)})`);
      continue;
    }
    lines.push(
      '\t{',
      `\t\tfile, err := os.Open(${q(field.fileName)})`,
      '\t\tif err != nil {',
      '\t\t\tpanic(err)',
      '\t\t}',
      '\t\tdefer file.Close()',
      `\t\tpart, err := form.CreateFormFile(${q(field.name)}, ${q(field.fileName)})`,
      '\t\tif err != nil {',
      '\t\t\tpanic(err)',
      '\t\t}',
      '\t\tif _, err := io.Copy(part, file); err != nil {',
      '\t\t\tpanic(err)',
      '\t\t}',
      '\t}',
    );
  }
  lines.push(
    '\tform.Close()',
    '',
    `\treq, err := http.NewRequest(${q(request.method)}, ${q(request.url)}, body)`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    `\treq.SetBasicAuth(${q(basicAuthUser)}, ${keyExpression('go', key)})`,
    '\treq.Header.Set("Content-Type", form.FormDataContentType())',
  );
  for (const [name, value] of request.headers) lines.push(`\treq.Header.Set(${q(name)}, ${q(value)})`);
  lines.push(
    '',
    '\tres, err := http.DefaultClient.Do(req)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer res.Body.Close()',
    '\tout, _ := io.ReadAll(res.Body)',
    '\tfmt.Println(res.Status, string(out))',
    '}',
  );
  return `${lines.join('\n')}\n`;
}

export function rubyMultipartSnippet(request: SnippetRequest, fields: readonly SnippetField[], key: KeySource): string {
  const q = singleQuoted;
  const lines = [
    "require 'net/http'",
    "require 'uri'",
    '',
    `uri = URI(${q(request.url)})`,
    `request = Net::HTTP::${capitalised(request.method)}.new(uri)`,
    `request.basic_auth(${q(basicAuthUser)}, ${keyExpression('ruby', key)})`,
  ];
  for (const [name, value] of request.headers) lines.push(`request[${q(name)}] = ${q(value)}`);
  lines.push('request.set_form(', '  [');
  for (const field of fields) {
    lines.push(
      isFileField(field)
        ? `    [${q(field.name)}, File.open(${q(field.fileName)}), { filename: ${q(field.fileName)} }],`
        : `    [${q(field.name)}, ${q(field.value)}],`,
    );
  }
  lines.push(
    '  ],',
    "  'multipart/form-data'",
    ')',
    '',
    "response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == 'https') do |http|",
    '  http.request(request)',
    'end',
    'puts response.code, response.body',
  );
  return `${lines.join('\n')}\n`;
}

export function javaMultipartSnippet(request: SnippetRequest, fields: readonly SnippetField[], key: KeySource): string {
  const q = doubleQuoted;
  const lines = [
    'import java.io.File;',
    'import okhttp3.*;',
    '',
    'OkHttpClient client = new OkHttpClient();',
    '',
    'RequestBody body = new MultipartBody.Builder()',
    '  .setType(MultipartBody.FORM)',
  ];
  for (const field of fields) {
    lines.push(
      isFileField(field)
        ? `  .addFormDataPart(${q(field.name)}, ${q(field.fileName)}, RequestBody.create(new File(${q(field.fileName)}), MediaType.parse("application/octet-stream")))`
        : `  .addFormDataPart(${q(field.name)}, ${q(field.value)})`,
    );
  }
  lines.push(
    '  .build();',
    'Request request = new Request.Builder()',
    `  .url(${q(request.url)})`,
    `  .method(${q(request.method)}, body)`,
    `  .addHeader("Authorization", Credentials.basic(${q(basicAuthUser)}, ${keyExpression('java', key)}))`,
  );
  for (const [name, value] of request.headers) lines.push(`  .addHeader(${q(name)}, ${q(value)})`);
  lines.push('  .build();', '', 'Response response = client.newCall(request).execute();');
  return `${lines.join('\n')}\n`;
}

export function phpMultipartSnippet(request: SnippetRequest, fields: readonly SnippetField[], key: KeySource): string {
  const q = singleQuoted;
  const lines = [
    '<?php',
    '',
    "// Guzzle, because PHP's curl option arrays cannot carry the same field name twice.",
    "require 'vendor/autoload.php';",
    '',
    '$client = new \\GuzzleHttp\\Client();',
    '',
    `$response = $client->request(${q(request.method)}, ${q(request.url)}, [`,
    `    'auth' => [${q(basicAuthUser)}, ${keyExpression('php', key)}],`,
  ];
  if (request.headers.length > 0) {
    lines.push("    'headers' => [");
    for (const [name, value] of request.headers) lines.push(`        ${q(name)} => ${q(value)},`);
    lines.push('    ],');
  }
  lines.push("    'multipart' => [");
  for (const field of fields) {
    lines.push(
      isFileField(field)
        ? `        ['name' => ${q(field.name)}, 'contents' => fopen(${q(field.fileName)}, 'r'), 'filename' => ${q(field.fileName)}],`
        : `        ['name' => ${q(field.name)}, 'contents' => ${q(field.value)}],`,
    );
  }
  lines.push('    ],', ']);', '', "echo $response->getStatusCode(), ' ', $response->getBody();");
  return `${lines.join('\n')}\n`;
}
