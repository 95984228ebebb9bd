import { describe, expect, it } from 'vitest';
import { authMarker, toHar } from './har';
import { fixCurl, fixGo, fixPhp, fixRuby, mapDoubleQuoted } from './library-fixes';
import { jsString, keyExpression, shellQuote, singleQuoted } from './literals';
import type { SnippetRequest } from './model';

describe('literals', () => {
  it('escapes what each quote style needs', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(jsString("a'b\\c\nd")).toBe(`'a\\'b\\\\c\\nd'`);
    expect(singleQuoted("a'b\\c")).toBe(`'a\\'b\\\\c'`);
  });

  it('reads the key from the environment unless it was revealed', () => {
    expect(keyExpression('go', { kind: 'env' })).toBe('os.Getenv("MAILGUN_API_KEY")');
    expect(keyExpression('php', { kind: 'literal', key: "k'1" })).toBe(`'k\\'1'`);
  });
});

describe('library fixes', () => {
  it('escapes only inside double-quoted literals', () => {
    const code = `a = "x #{y} \\" $z"; b = '#{keep} "not a string"'`;
    expect(mapDoubleQuoted(code, (inner) => inner.replace(/#(?=\{)/g, '\\#'))).toBe(`a = "x \\#{y} \\" $z"; b = '#{keep} "not a string"'`);
  });

  it('Ruby and PHP interpolation is neutralised', () => {
    const ruby = fixRuby(`request["Authorization"] = 'Basic ${authMarker}'\nrequest.body = "a #{b} #@c"`, { kind: 'env' });
    expect(ruby).toContain('request.body = "a \\#{b} \\#@c"');
    expect(ruby).toContain('request.basic_auth("api", ENV["MAILGUN_API_KEY"])');
    const php = fixPhp(`$x = ["Authorization: Basic ${authMarker}", "price $amount"];`, { kind: 'env' });
    expect(php).toBe(`$x = ["Authorization: Basic " . base64_encode('api:' . getenv('MAILGUN_API_KEY')), "price \\$amount"];`);
  });

  it('Go imports os only when the key comes from the environment', () => {
    const code = `import (\n\t"fmt"\n)\n\treq.Header.Add("Authorization", "Basic ${authMarker}")`;
    expect(fixGo(code, { kind: 'env' })).toContain('\t"os"\n');
    expect(fixGo(code, { kind: 'literal', key: 'k' })).not.toContain('"os"');
  });

  it('curl drops the boundary-less Content-Type and sends fields literally', () => {
    const request: SnippetRequest = {
      method: 'POST',
      url: 'https://api.mailgun.net/v3/d/messages',
      headers: [],
      body: {
        kind: 'multipart',
        fields: [
          { name: 'to', value: '@not-a-file' },
          { name: 'attachment', fileName: 'a "b".pdf' },
        ],
      },
    };
    const library = [
      'curl --request POST',
      '  --url https://api.mailgun.net/v3/d/messages',
      `  --header 'Authorization: Basic ${authMarker}'`,
      "  --header 'content-type: multipart/form-data'",
      '  --form to=@not-a-file',
      '  --form attachment=@a "b".pdf',
    ].join(' \\\n');
    const fixed = fixCurl(library, request, { kind: 'env' });
    expect(fixed).not.toMatch(/content-type/i);
    expect(fixed).toContain(`--form-string 'to=@not-a-file'`);
    expect(fixed).toContain(`--form 'attachment=@"a \\"b\\".pdf"'`);
    expect(fixed).toContain('--user "api:$MAILGUN_API_KEY"');
  });
});

describe('HAR', () => {
  it('keeps repeated query names and marks the auth header', () => {
    const har = toHar({ method: 'GET', url: 'https://h/v3/x?a=1&a=2', headers: [], body: { kind: 'none' } });
    expect(har.url).toBe('https://h/v3/x');
    expect(har.queryString).toEqual([
      { name: 'a', value: '1' },
      { name: 'a', value: '2' },
    ]);
    expect(har.headers[0]).toEqual({ name: 'Authorization', value: `Basic ${authMarker}` });
  });
});
