// The demo pages run under the same rules as a Lightning page: script-src 'self' (no inline
// scripts or handlers) and only modules that exist in the repo.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['demo/index.html', 'demo/record.html'];

describe('demo pages', () => {
  for (const page of pages) {
    it(`${page}: no inline script or handler, and every script/stylesheet exists`, () => {
      const text = readFileSync(root + page, 'utf8');
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length > 0, 'the page loads a script');
      for (const [, attrs, body] of scripts) {
        assert.equal(body.trim(), '', `inline script in ${page}`);
        const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
        assert.ok(src, `script without src in ${page}`);
        // `/demo/demo.js` is the built name (demo/build.mjs); its source is demo.ts (what `npm run dev` serves).
        const file = root + src.replace(/^\//, '');
        assert.ok(existsSync(file) || existsSync(file.replace(/\.js$/, '.ts')), `${page} loads ${src}, which has no source`);
      }
      assert.doesNotMatch(text, /\son[a-z]+\s*=/i, `inline event handler in ${page}`);
      for (const [, href] of text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        assert.ok(existsSync(root + href.replace(/^\//, '')), `${page} links ${href}, which does not exist`);
      }
      assert.match(text, /<tk-territory-provider\b[^>]*viewer-role="(admin|manager|rep)"/, 'a provider with a viewer role');
    });
  }

  it('record.html shows the card and a gauge as a rep sees them', () => {
    const text = readFileSync(root + 'demo/record.html', 'utf8');
    assert.match(text, /<tk-territory-provider viewer-role="rep" rep-id="[^"]+" focus-account="[^"]+">/);
    assert.match(text, /<tk-territory-card/);
    assert.match(text, /<tk-workload-gauge rep-id=/);
  });
});
