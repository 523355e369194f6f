import { renderTable, truncate, visibleLength, wrap } from '../src/table';

describe('the story’s tables and paragraphs', () => {
  it('aligns columns, right-aligns numbers and marks missing cells', () => {
    expect(renderTable(['Unit', 'Score', 'Band'], [['Dinkes', 95.63, 'MEMENUHI_TARGET'], ['Disdikbud', 7, null]], { indent: 0 })).toEqual([
      'Unit       Score  Band',
      '─────────  ─────  ───────────────',
      'Dinkes     95.63  MEMENUHI_TARGET',
      'Disdikbud      7  –',
    ]);
  });

  it('narrows the widest column to fit, cutting its cells with an ellipsis', () => {
    const lines = renderTable(['Code', 'Measure'], [['AKSI-2100-01', 'Laporan jumlah kasus yang ditangani dan dirujuk tersedia']], { indent: 2, maxWidth: 40 });
    expect(lines.every((line) => visibleLength(line) <= 40)).toBe(true);
    expect(lines[2]).toBe('  AKSI-2100-01  Laporan jumlah kasus ya…');
  });

  it('ignores colour codes when measuring and cutting', () => {
    const red = '\x1b[31mREJECTED\x1b[39m';
    expect(visibleLength(red)).toBe(8);
    expect(truncate(red, 8)).toBe(red);
    expect(truncate(red, 5)).toBe('REJE…');
  });

  it('wraps words to the width, keeping blank lines', () => {
    expect(wrap('one two three four\n\nfive', 12, 2)).toEqual(['  one two', '  three four', '', '  five']);
  });
});
