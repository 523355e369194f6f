import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { makeDisguisedExecutable, makePdf, makePhoto } from '../src/files';
import { parseMail } from '../src/mailbox';
import { ANSWERS, compiledAnswers } from '../src/cast';
import { cityValues, expectedScore } from '../src/steps/09-scores';

describe('the sample documents', () => {
  it('makes a real one-page PDF that parses again', async () => {
    const pdf = await makePdf('notulen.pdf', { issuer: 'Dinas Kesehatan', title: 'Notulen', lines: ['Peserta: 24 orang'], signedBy: 'Sekretaris' });
    expect(pdf.mime).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(pdf.bytes.subarray(-6)).toString()).toContain('%%EOF');
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(1);
  });

  it('makes images that decode completely', async () => {
    const png = await makePhoto('foto.png', 'Sosialisasi <KLA> & rapat', 'png');
    const jpeg = await makePhoto('foto.jpg', 'Kawasan Tanpa Rokok', 'jpeg');
    expect(await sharp(png.bytes).metadata()).toMatchObject({ format: 'png', width: 640, height: 400 });
    expect(await sharp(jpeg.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 400 });
    await expect(sharp(jpeg.bytes).raw().toBuffer()).resolves.toHaveLength(640 * 400 * 3);
  });

  it('disguises a Windows executable as a PDF by name and declared type only', () => {
    const exe = makeDisguisedExecutable('rekap.pdf');
    expect(exe).toMatchObject({ name: 'rekap.pdf', mime: 'application/pdf' });
    expect(Buffer.from(exe.bytes.subarray(0, 2)).toString()).toBe('MZ');
    const peOffset = new DataView(exe.bytes.buffer).getUint32(0x3c, true);
    expect(Buffer.from(exe.bytes.subarray(peOffset, peOffset + 4)).toString('latin1')).toBe('PE\0\0');
  });
});

describe('reading the dev mailbox', () => {
  it('decodes a mail as the SMTP sink stored it', async () => {
    const raw = Buffer.from(
      [
        'From: Peduli <no-reply@peduli.go.id>',
        'To: operator.dinsos.jayapura@demo.peduli.local',
        'Subject: =?UTF-8?Q?Pengingat:_laporan_RANHAM_2100_B12?=',
        'Message-ID: <reminder.1.1@peduli>',
        'Date: Thu, 03 Dec 2026 17:00:00 +0000',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Batas waktu (1 menit lagi)=2E',
      ].join('\r\n'),
    );
    expect(await parseMail('a.eml', raw)).toMatchObject({
      to: 'operator.dinsos.jayapura@demo.peduli.local',
      subject: 'Pengingat: laporan RANHAM 2100 B12',
      messageId: '<reminder.1.1@peduli>',
      text: 'Batas waktu (1 menit lagi).',
    });
  });
});

describe('the score the story expects', () => {
  it('weighs the mean achievement and the share reported, rounded once at the end', () => {
    const weights = { substance: 70, administration: 30 };
    expect(expectedScore([true, true, true, 50, true, true, true, true], weights)).toBe(95.63);
    expect(expectedScore([true, true, 80, 50, false, true, null, false], weights)).toBe(63.88);
  });

  it('scores the city’s report from the units’ actions together, with the Kanwil’s verified value', () => {
    // Dinkes's 1-4 (its fourth verified down to 50) and Disdikbud's 5-8, the seventh unanswered: 60 and 87.5.
    expect(cityValues()).toEqual([true, true, true, 50, 80, 50, null, false]);
    expect(expectedScore(cityValues(), { substance: 70, administration: 30 })).toBe(68.25);
  });
});

describe('the compiled answers', () => {
  it('takes each action from the unit that answered it and leaves an action nobody answered empty', () => {
    expect(compiledAnswers([true, null, null], [null, 40, null])).toEqual([true, 40, null]);
  });

  it('keeps the Balikpapan units on different actions, so that their inputs compile without a conflict', () => {
    const overlap = ANSWERS.dinkes.filter((value, index) => value !== null && ANSWERS.disdikbud[index] !== null);
    expect(overlap).toEqual([]);
  });
});
