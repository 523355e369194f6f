/** The report page's words added since its first version (the rest are still in messages.ts). */
export const reportId = {
  'report.group.progress': '{done} dari {total} selesai',
  'report.group.measures': 'Ukuran keberhasilan aksi {code}',
  'report.conflict.choose': 'Jawaban yang Anda ketik masih ada di halaman ini. Pilih: simpan jawaban Anda di atas perubahan itu, atau pakai jawaban terbaru.',
  'report.conflict.locked': 'Laporan ini sudah tidak dapat diubah. Jawaban yang Anda ketik belum tersimpan.',
  'report.conflict.reload': 'Muat laporan terbaru',
  'report.conflict.readFailed': 'Laporan terbaru belum dapat dibaca. Periksa koneksi, lalu coba lagi.',
} as const;

export const reportEn: Record<keyof typeof reportId, string> = {
  'report.group.progress': '{done} of {total} done',
  'report.group.measures': 'Success measures of action {code}',
  'report.conflict.choose': 'What you typed is still on this page. Choose: save your answers over that change, or use the latest answers.',
  'report.conflict.locked': 'This report can no longer be changed. What you typed has not been saved.',
  'report.conflict.reload': 'Load the latest report',
  'report.conflict.readFailed': 'The latest report could not be read yet. Check the connection, then try again.',
};
