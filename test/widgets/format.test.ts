import { expect } from '@open-wc/testing';
import { formatters } from '../../widgets/shared/format.js';

describe('formatters', () => {
  it('format per locale and currency through Intl', () => {
    const us = formatters('en-US');
    expect(us.currency(1234.5)).to.equal('$1,235');
    expect(us.percent(0.123)).to.equal('12%');
    expect(us.signedPercent(-0.2)).to.equal('-20%');
    expect(us.date('2026-11-27T12:00:00Z')).to.equal('Nov 27, 2026');
    const de = formatters('de-DE', 'EUR');
    expect(de.number(1234.5)).to.equal('1.234,5');
    expect(de.currency(1234.5)).to.match(/^1\.235\s€$/);
    expect(formatters('en-US')).to.equal(us, 'cached');
  });

  it('falls back on a bad locale or currency instead of throwing', () => {
    expect(formatters('not a locale!!', 'NOPE!').currency(1)).to.match(/1/);
    expect(formatters('en-US').date('garbage')).to.equal('');
  });
});
