import type { Bilingual, Locale } from '@peduli/domain';

/** User-facing messages, Indonesian first. Placeholders look like {name}. */
export const MESSAGES = {
  'request.invalid': { id: 'Permintaan tidak valid. Perbaiki isian berikut.', en: 'The request is invalid. Fix the fields below.' },
  'request.malformedJson': {
    id: 'Isi permintaan bukan JSON yang valid: {detail}',
    en: 'The request body is not valid JSON: {detail}',
  },
  'request.tooDeep': {
    id: 'Isi permintaan bersarang terlalu dalam (maksimum {limit} tingkat objek/larik).',
    en: 'The request body nests too deeply (at most {limit} levels of objects and arrays).',
  },
  'request.nulCharacter': {
    id: 'Teks "{field}" mengandung karakter NUL (U+0000), yang tidak dapat disimpan; hapus karakter itu.',
    en: 'The text of "{field}" contains a NUL character (U+0000), which cannot be stored; remove it.',
  },
  'request.loneSurrogate': {
    id: 'Teks "{field}" mengandung Unicode tidak valid (surrogate UTF-16 tanpa pasangan); kirim teks UTF-8 yang valid.',
    en: 'The text of "{field}" contains invalid Unicode (an unpaired UTF-16 surrogate); send valid UTF-8 text.',
  },
  'request.tooLarge': { id: 'Isi permintaan terlalu besar (maksimum {limit}).', en: 'The request body is too large (limit {limit}).' },
  'request.unsupportedMediaType': {
    id: 'Jenis isi permintaan tidak didukung: kirim {expected}.',
    en: 'Unsupported request content type: send {expected}.',
  },
  'route.notFound': { id: 'Alamat {path} tidak ditemukan.', en: 'No route matches {path}.' },
  'internal': { id: 'Terjadi kesalahan pada server. Sebutkan kode permintaan {requestId} saat melapor.', en: 'Something went wrong on the server. Quote request id {requestId} when reporting it.' },
  'region.notFound': { id: 'Kabupaten/kota dengan kode {code} tidak ditemukan.', en: 'No regency or city has code {code}.' },
  'publicResults.notAnnounced': {
    id: 'Hasil KKP HAM untuk data tahun {year} belum diumumkan.',
    en: 'The KKP HAM results for data year {year} have not been announced yet.',
  },
  'publicResults.rateLimited': {
    id: 'Terlalu banyak permintaan dari alamat ini. Coba lagi dalam {seconds} detik.',
    en: 'Too many requests from this address. Try again in {seconds} seconds.',
  },
  'database.timeout': {
    id: 'Server sedang sibuk dan permintaan ini terlalu lama diproses. Coba lagi sebentar lagi; jika terus terjadi, sebutkan kode permintaan {requestId}.',
    en: 'The server is busy and this request took too long. Try again shortly; if it keeps happening, quote request id {requestId}.',
  },
  'submission.notFound': { id: 'Laporan {id} tidak ditemukan.', en: 'Submission {id} was not found.' },
  'submission.notSubmittable': {
    id: 'Laporan berstatus {status} tidak dapat dikirim. Laporan hanya dapat dikirim dari status {allowed}.',
    en: 'A submission in status {status} cannot be submitted. Only {allowed} submissions can be submitted.',
  },
  'submission.answersInvalid': {
    id: 'Beberapa jawaban tidak sesuai dengan indikatornya. Perbaiki isian berikut.',
    en: 'Some answers do not fit their indicators. Fix the entries below.',
  },
  'submission.noFramework': {
    id: 'Belum ada kerangka {programme} yang diterbitkan untuk periode ini.',
    en: 'No {programme} framework is published for this period yet.',
  },
  'submission.answersLocked': {
    id: 'Jawaban laporan berstatus {status} tidak dapat diubah; hanya laporan DRAFT, RETURNED atau CHECK_FAILED yang dapat diubah.',
    en: 'The answers of a submission in status {status} cannot be changed; only DRAFT, RETURNED or CHECK_FAILED submissions can.',
  },
  'submission.versionConflict': {
    id: 'Laporan ini sudah diubah orang lain (versi {current}, bukan {expected}). Muat ulang, bandingkan, lalu simpan lagi.',
    en: 'Someone else changed this submission meanwhile (version {current}, not {expected}). Reload, compare and save again.',
  },
  'submission.workbookInvalid': {
    id: 'Berkas jawaban tidak dapat diterima; tidak ada yang disimpan. Perbaiki sel berikut lalu unggah lagi.',
    en: 'The answer workbook cannot be taken; nothing was saved. Fix the cells below and upload it again.',
  },
  'submission.workbookOfOther': {
    id: 'Berkas ini diunduh untuk laporan {other}, bukan laporan {id}; unduh berkas dari laporan ini.',
    en: 'This workbook was downloaded for submission {other}, not submission {id}; download the workbook of this submission.',
  },
  'submission.workbookType': {
    id: 'Jenis berkas tidak didukung: kirim lembar kerja .xlsx apa adanya dengan Content-Type {expected}.',
    en: 'Unsupported file type: send the .xlsx workbook as the raw body with Content-Type {expected}.',
  },
  'submission.workbookTooLarge': { id: 'Berkas jawaban melebihi batas {limit}.', en: 'The answer workbook exceeds the limit of {limit}.' },
  'review.notInReview': {
    id: 'Laporan berstatus {status} tidak sedang menunggu pemeriksaan.',
    en: 'A submission in status {status} is not waiting for review.',
  },
  'review.notYourStage': {
    id: 'Laporan ini sedang menunggu pemeriksaan tahap {stage}; Anda tidak berwenang pada tahap tersebut.',
    en: 'This submission is waiting for the {stage} review stage, which you may not act at.',
  },
  'review.valuesOnlyWhenVerifying': {
    id: 'Nilai terverifikasi dan penolakan hanya dapat diisi pada verifikasi Kanwil (usulan) atau verifikasi pusat (final), bukan pada tahap {stage}.',
    en: 'Verified values and rejections can only be set at the Kanwil verification (as a proposal) or the central verification (final), not at the {stage} stage.',
  },
  'review.returnToKanwilOnlyFromCentral': {
    id: 'Hanya verifikasi pusat (tahap CENTRAL) yang dapat mengembalikan laporan kepada Kanwil; dari tahap {stage} kembalikan laporan kepada pelapor (returnTo REPORTER).',
    en: 'Only the central verification (stage CENTRAL) can return a report to the Kanwil; from the {stage} stage return it to the reporter (returnTo REPORTER).',
  },
  'review.noKanwilStage': {
    id: 'Laporan ini tidak melalui Kanwil (laporan K/L diverifikasi langsung oleh pusat); kembalikan laporan kepada pelapor (returnTo REPORTER).',
    en: 'This report does not pass a Kanwil (a K/L report is verified by the centre only); return it to the reporter (returnTo REPORTER).',
  },
  'submission.deadlinePassed': {
    id: 'Batas waktu periode {periodKey} telah lewat ({deadlineId}). Mintalah perpanjangan kepada Kanwil.',
    en: 'The deadline of period {periodKey} has passed ({deadlineEn}). Ask the Kanwil for an extension.',
  },
  'submission.deadlinePassedNational': {
    id: 'Batas waktu periode {periodKey} telah lewat ({deadlineId}). Mintalah perpanjangan kepada verifikator pusat.',
    en: 'The deadline of period {periodKey} has passed ({deadlineEn}). Ask the central verifier for an extension.',
  },
  'period.notFound': { id: 'Periode {code} tidak ditemukan pada siklus ini.', en: 'Period {code} was not found in this cycle.' },
  'period.invalid': {
    id: 'Kode periode {code} bukan periode program {programme}.',
    en: 'Period code {code} is not a period of programme {programme}.',
  },
  'period.badDeadline': { id: 'Batas waktu harus tanggal YYYY-MM-DD dan jam HH:mm.', en: 'A deadline is a YYYY-MM-DD date and an HH:mm time.' },
  'period.deadlineBeforeOpening': {
    id: 'Batas waktu {deadlineDate} jatuh sebelum tanggal pembukaan {opensOn}; batas waktu harus pada atau setelah pembukaan.',
    en: 'The deadline {deadlineDate} falls before the opening date {opensOn}; the deadline must be on or after the opening.',
  },
  'period.unknownZone': {
    id: 'Zona waktu "{timeZone}" tidak dikenal; gunakan WIB, WITA, WIT atau nama zona IANA seperti Asia/Jakarta.',
    en: 'Unknown time zone "{timeZone}"; use WIB, WITA, WIT or an IANA zone name such as Asia/Jakarta.',
  },
  'internalDeadline.outOfScope': {
    id: 'Anda tidak berwenang menetapkan batas waktu internal untuk {regionCode}; hanya koordinator kab/kota tersebut atau admin nasional.',
    en: 'You may not set an internal deadline for {regionCode}; only that regency/city’s coordinator or a national admin can.',
  },
  'internalDeadline.afterOfficial': {
    id: 'Batas waktu internal {internal} harus lebih awal dari batas waktu resmi {official}.',
    en: 'The internal deadline {internal} must be earlier than the official deadline {official}.',
  },
  'internalDeadline.beforeOpening': {
    id: 'Batas waktu internal {internal} jatuh sebelum pembukaan periode {opensOn}.',
    en: 'The internal deadline {internal} falls before the period opens on {opensOn}.',
  },
  'internalDeadline.notFound': { id: 'Belum ada batas waktu internal untuk {regionCode}.', en: 'There is no internal deadline for {regionCode}.' },
  'milestone.notKkp': {
    id: 'Tahapan hanya ada pada siklus KKP HAM; siklus RANHAM memakai periode B04, B08, B12.',
    en: 'Milestones belong to KKP HAM cycles; RANHAM cycles use periods (B04, B08, B12).',
  },
  'milestone.unknown': { id: 'Tahapan {code} tidak dikenal; pilih salah satu dari: {codes}.', en: 'Unknown milestone {code}; use one of: {codes}.' },
  'milestone.outOfOrder': {
    id: 'Tahapan {earlier} ({earlierDate}) harus sebelum {later} ({laterDate}).',
    en: 'Milestone {earlier} ({earlierDate}) must come before {later} ({laterDate}).',
  },
  'reminder.notFound': { id: 'Pengingat {id} tidak ditemukan.', en: 'Reminder {id} was not found.' },
  'reminder.inFlight': {
    id: 'Pengingat {id} sedang dikirim atau masih terjadwal; tunggu hingga selesai sebelum mengirim ulang.',
    en: 'Reminder {id} is being sent or is still planned; wait until it is done before resending.',
  },
  'extension.outOfScope': {
    id: 'Anda tidak berwenang memberi perpanjangan untuk {regionCode}.',
    en: 'You may not grant an extension for {regionCode}.',
  },
  'extension.reporterRequired': {
    id: 'Sebutkan regionCode sebuah kab/kota, atau organisationId sebuah kementerian/lembaga, Biro Hukum, atau salah satu unitnya.',
    en: 'Give the regionCode of a regency/city, or the organisationId of a ministry, a Biro Hukum or one of their units.',
  },
  'extension.notReporter': {
    id: 'Organisasi {id} berjenis {kind}: tanpa regionCode, perpanjangan hanya untuk kementerian/lembaga (MINISTRY), direktoratnya, Biro Hukum (BIRO_HUKUM) atau OPD provinsi.',
    en: 'Organisation {id} is of kind {kind}: without a regionCode, an extension is only for a ministry (MINISTRY), its directorate, a Biro Hukum (BIRO_HUKUM) or a province OPD.',
  },
  'extension.reporterOutOfScope': {
    id: 'Anda tidak berwenang memberi perpanjangan untuk {name}; perpanjangan kementerian/lembaga diberikan verifikator pusat, perpanjangan provinsi oleh Kanwil provinsi itu atau pusat.',
    en: 'You may not grant an extension for {name}; the central verifier grants a ministry’s, the province’s Kanwil or the centre a province’s.',
  },
  'reporter.notReporting': {
    id: '{id} bukan pelapor: sebutkan kode kab/kota (mis. 64.71) atau id kementerian/lembaga (MINISTRY) atau Biro Hukum (BIRO_HUKUM) yang aktif.',
    en: '{id} is no reporter: give a regency/city code (e.g. 64.71) or the id of an active ministry (MINISTRY) or Biro Hukum (BIRO_HUKUM).',
  },
  'internalDeadline.reporterOutOfScope': {
    id: 'Anda tidak berwenang menetapkan batas waktu internal untuk {name}; hanya koordinatornya atau admin nasional.',
    en: 'You may not set an internal deadline for {name}; only its coordinator or a national admin can.',
  },
  'evidence.notFound': { id: 'Dokumen {id} tidak ditemukan.', en: 'Document {id} was not found.' },
  'evidence.notDownloadable': {
    id: 'Dokumen berstatus {status} belum dapat diunduh; hanya dokumen yang lolos pemeriksaan yang dapat diunduh.',
    en: 'A document in status {status} cannot be downloaded; only documents that passed the check can.',
  },
  'evidence.documentLimit': {
    id: 'Laporan ini sudah memuat {used} dokumen, batas per laporan adalah {limit}. Gabungkan beberapa dokumen menjadi satu berkas PDF, lalu unggah kembali.',
    en: 'This submission already holds {used} documents; the limit per submission is {limit}. Combine some documents into one PDF file and upload that instead.',
  },
  'evidence.quotaExceeded': {
    id: 'Ruang penyimpanan unit ini tidak cukup: terpakai {used} dari {quota}, berkas ini {size}. Pakai ulang dokumen yang sudah diunggah atau perkecil berkasnya; jika masih kurang, minta admin nasional menambah kuota.',
    en: 'This unit’s storage is full: {used} of {quota} used, and this file is {size}. Reuse documents already uploaded or make the file smaller; if that is not enough, ask a national admin to raise the quota.',
  },
  'evidence.quotaFull': {
    id: 'Ruang penyimpanan unit ini sudah penuh: terpakai {used} dari {quota}. Pakai ulang dokumen yang sudah diunggah; jika masih kurang, minta admin nasional menambah kuota.',
    en: 'This unit’s storage is full: {used} of {quota} used. Reuse documents already uploaded; if that is not enough, ask a national admin to raise the quota.',
  },
  'evidence.otherOwner': {
    id: 'Dokumen hanya dapat dipakai ulang oleh unit pemiliknya.',
    en: 'A document can only be reused by the unit it belongs to.',
  },
  'submission.compileConflicts': {
    id: 'Unit-unit memberi jawaban berbeda untuk indikator berikut. Tentukan jawaban yang berlaku untuk laporan gabungan (kirim dalam answers saat kompilasi, atau isi pada laporannya), lalu kompilasi lagi. Belum ada yang disimpan.',
    en: 'Units gave different answers to the indicators below. Decide the answer that stands on the compiled report (send it in answers with the compilation, or enter it on the report), then compile again. Nothing was saved.',
  },
  'submission.unitsDisagree': {
    id: 'Unit memberi jawaban berbeda untuk {code}: {values}. Tentukan jawaban yang berlaku.',
    en: 'Units gave different answers to {code}: {values}. Decide the answer that stands.',
  },
  'submission.answerYes': { id: 'ya', en: 'yes' },
  'submission.answerNo': { id: 'tidak', en: 'no' },
  'submission.answerEmpty': { id: '(kosong)', en: '(empty)' },
  'reminderPolicy.invalid': {
    id: 'Kebijakan pengingat belum valid. Perbaiki isian berikut.',
    en: 'The reminder policy is not valid. Fix the fields below.',
  },
  'submission.organisationRequired': {
    id: 'organisationId belum diisi: Anda hanya dapat melapor untuk unit Anda. Isi organisationId dengan salah satu dari: {units}.',
    en: 'organisationId is missing: you may only report for your unit. Set organisationId to one of: {units}.',
  },
  'submission.cursorInvalid': {
    id: 'cursor tidak dikenali: kirim nilai nextCursor dari halaman sebelumnya apa adanya.',
    en: 'cursor is not recognised: send the previous page’s nextCursor exactly as it was given.',
  },
  'submission.notEditable': {
    id: 'Dokumen tidak dapat ditambahkan pada laporan berstatus {status}.',
    en: 'Documents cannot be added to a submission in status {status}.',
  },
  'submission.alreadyExists': {
    id: 'Laporan KKP HAM tingkat kabupaten/kota {regionCode} untuk {periodKey} sudah ada (id {id}, status {status}). Buka dan lanjutkan laporan itu; satu kabupaten/kota hanya punya satu laporan per tahun.',
    en: 'Regency/city {regionCode} already has its KKP HAM report for {periodKey} (id {id}, status {status}). Open and continue that one; a regency/city has one report a year.',
  },
  'submission.superseded': {
    id: 'Laporan {id} adalah duplikat yang telah digantikan oleh laporan {keptId} dan tidak dapat diubah atau diajukan lagi. Lanjutkan laporan {keptId}.',
    en: 'Submission {id} is a duplicate replaced by submission {keptId} and can no longer be changed or submitted. Continue submission {keptId}.',
  },
  'submission.periodMismatch': {
    id: 'Periode {periodKey} bukan periode program {programme}. Contoh yang benar: {example}.',
    en: 'Period {periodKey} is not a period of programme {programme}. A valid example: {example}.',
  },
  'submission.reporterRequired': {
    id: 'Sebutkan siapa yang melapor: regionCode (kabupaten/kota) atau organisationId (kementerian/lembaga, direktorat, Biro Hukum, OPD).',
    en: 'Say who reports: regionCode (a regency/city) or organisationId (a ministry or agency, a directorate, a Biro Hukum, an OPD).',
  },
  'submission.notRanhamReporter': {
    id: 'Organisasi jenis {kind} tidak melaporkan RANHAM. Pelapor RANHAM adalah kementerian/lembaga dan direktoratnya, provinsi (Biro Hukum dan OPD provinsi), serta kabupaten/kota dan OPD-nya.',
    en: 'An organisation of kind {kind} does not report RANHAM. RANHAM reporters are ministries and agencies with their directorates, provinces (the Biro Hukum and the province’s OPD), and regencies/cities with their OPD.',
  },
  'submission.kkpRegionOnly': {
    id: 'KKP HAM hanya menilai kabupaten/kota: laporkan untuk sebuah kabupaten/kota (regionCode) atau organisasi di dalamnya, bukan untuk organisasi jenis {kind}.',
    en: 'KKP HAM assesses regencies and cities only: report for a regency/city (regionCode) or an organisation in one, not for an organisation of kind {kind}.',
  },
  'submission.notReporter': {
    id: 'Organisasi {id} ({kind}) tidak menyusun laporan: kompilasi dilakukan untuk kementerian/lembaga (MINISTRY) atau Biro Hukum provinsi (BIRO_HUKUM), atau untuk kabupaten/kota melalui regionCode.',
    en: 'Organisation {id} ({kind}) does not compile a report: compile for a ministry or agency (MINISTRY) or a province’s Biro Hukum (BIRO_HUKUM), or for a regency/city with regionCode.',
  },
  'upload.noFile': { id: 'Tidak ada berkas. Kirim satu berkas pada kolom "file" (multipart/form-data).', en: 'No file. Send one file in the "file" field (multipart/form-data).' },
  'upload.tooManyFiles': { id: 'Kirim satu berkas per permintaan.', en: 'Send one file per request.' },
  'upload.tooLarge': { id: 'Berkas melebihi batas {limit}.', en: 'The file exceeds the limit of {limit}.' },
  'upload.truncated': { id: 'Unggahan terputus atau rusak; kirim ulang berkasnya.', en: 'The upload was cut off or malformed; send the file again.' },
  'upload.badFileName': {
    id: 'Nama berkas tidak boleh mengandung garis miring, karakter kontrol, atau "..", dan maksimal 255 karakter.',
    en: 'The file name must not contain slashes, control characters or "..", and must be at most 255 characters.',
  },
  'auth.required': {
    id: 'Perlu masuk terlebih dahulu: kirim header Authorization: Bearer <token>.',
    en: 'Sign in first: send an Authorization: Bearer <token> header.',
  },
  'auth.invalidToken': {
    id: 'Token tidak valid. Masuk kembali untuk mendapatkan token baru.',
    en: 'The token is not valid. Sign in again to get a new one.',
  },
  'auth.expiredToken': {
    id: 'Token sudah kedaluwarsa. Perbarui dengan refresh token atau masuk kembali.',
    en: 'The token has expired. Renew it with your refresh token or sign in again.',
  },
  'auth.inactive': { id: 'Akun ini tidak aktif. Hubungi admin Anda.', en: 'This account is deactivated. Contact your administrator.' },
  'auth.badCredentials': { id: 'Email atau kata sandi salah.', en: 'Wrong email or password.' },
  'auth.locked': {
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
    en: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  },
  'auth.rateLimited': {
    id: 'Terlalu banyak permintaan dari alamat ini. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests from this address. Wait a moment and try again.',
  },
  'auth.refreshInvalid': {
    id: 'Refresh token tidak valid atau sudah kedaluwarsa. Masuk kembali.',
    en: 'The refresh token is not valid or has expired. Sign in again.',
  },
  'auth.refreshMissing': {
    id: 'Kirim refreshToken di isi permintaan, atau masuk dengan cookie: true agar browser menyimpan cookie sesi.',
    en: 'Send refreshToken in the body, or sign in with cookie: true so the browser keeps the session cookie.',
  },
  'auth.refreshReused': {
    id: 'Refresh token ini sudah pernah dipakai; demi keamanan semua sesi terkait diakhiri. Masuk kembali.',
    en: 'This refresh token was already used; for safety every related session was ended. Sign in again.',
  },
  'access.forbidden': {
    id: 'Peran Anda tidak mengizinkan tindakan ini.',
    en: 'Your role does not allow this action.',
  },
  'access.noRule': {
    id: 'Tindakan ini belum memiliki aturan akses, sehingga ditolak.',
    en: 'This action has no access rule yet, so it is refused.',
  },
  'organisation.notFound': { id: 'Organisasi {id} tidak ditemukan.', en: 'Organisation {id} was not found.' },
  'organisation.wrongPlace': {
    id: 'Organisasi jenis {kind} berada di tingkat {levelId}: {hintId}.',
    en: 'An organisation of kind {kind} belongs at {levelEn} level: {hintEn}.',
  },
  'organisation.wrongParent': {
    id: 'Induk {parentId} tidak sesuai: {hintId}.',
    en: 'Parent {parentId} does not fit: {hintEn}.',
  },
  'province.notFound': { id: 'Provinsi dengan kode {code} tidak ditemukan.', en: 'No province has code {code}.' },
  'user.notFound': { id: 'Pengguna {id} tidak ditemukan.', en: 'User {id} was not found.' },
  'user.emailTaken': { id: 'Email {email} sudah dipakai akun lain.', en: 'The email {email} is already used by another account.' },
  'user.invitationAccepted': {
    id: 'Pengguna {id} sudah membuat kata sandinya sendiri; tidak ada undangan untuk dikirim ulang. Jika kata sandinya terlupa, ia dapat mengatur ulang lewat email.',
    en: 'User {id} has already set a password; there is no invitation to resend. A forgotten password can be reset by email.',
  },
  'user.inactive': {
    id: 'Pengguna {id} telah dinonaktifkan; undangan tidak dikirim ke akun yang nonaktif.',
    en: 'User {id} is deactivated; invitations are not sent to deactivated accounts.',
  },
  'user.widerRole': {
    id: 'Anda tidak dapat mengelola akun ini: akun ini memegang peran {role} yang tidak dapat Anda berikan.',
    en: 'You cannot manage this account: it holds the role {role}, which you cannot give.',
  },
  'account.userOnly': {
    id: 'Hanya pengguna yang masuk dengan kata sandi yang dapat mengubah kata sandi; token API tidak memiliki kata sandi.',
    en: 'Only a signed-in user can change a password; an API token has none.',
  },
  'account.currentPasswordWrong': { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  'account.tokenInvalid': {
    id: 'Tautan ini tidak berlaku: sudah dipakai, sudah kedaluwarsa, atau digantikan tautan yang lebih baru. Minta tautan baru.',
    en: 'This link is not valid: it was already used, has expired or was replaced by a newer one. Ask for a new one.',
  },
  'account.resetRequested': {
    id: 'Jika alamat ini terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim ke sana. Tautan berlaku 30 menit.',
    en: 'If this address has an account, a link to reset its password has been sent to it. The link works for 30 minutes.',
  },
  'role.notAllowed': {
    id: 'Anda tidak dapat memberikan peran {role} pada cakupan ini.',
    en: 'You cannot give the role {role} in this scope.',
  },
  'role.wrongScope': {
    id: 'Peran {role} harus diberikan untuk {scope}.',
    en: 'The role {role} must be given for {scope}.',
  },
  'role.notReporterOrganisation': {
    id: 'Koordinator diberikan untuk kabupaten/kota (regionCode) atau untuk organisasi pelapor jenis MINISTRY atau BIRO_HUKUM; organisasi {id} berjenis {kind}.',
    en: 'A coordinator is given for a regency/city (regionCode) or a reporting organisation of kind MINISTRY or BIRO_HUKUM; organisation {id} is of kind {kind}.',
  },
  'role.duplicate': { id: 'Pengguna sudah memiliki peran ini pada cakupan ini.', en: 'The user already holds this role in this scope.' },
  'role.notFound': { id: 'Penugasan peran {id} tidak ditemukan.', en: 'Role assignment {id} was not found.' },
  'framework.notFound': { id: 'Versi kerangka {id} tidak ditemukan.', en: 'Framework version {id} was not found.' },
  'framework.notEditable': {
    id: 'Versi berstatus {status} tidak dapat diubah; buat draf baru dari versi ini.',
    en: 'A {status} version cannot be changed; start a new draft from it.',
  },
  'framework.invalid': {
    id: 'Kerangka ini belum valid. Perbaiki masalah berikut sebelum menerbitkan.',
    en: 'This framework is not valid yet. Fix the problems below before publishing.',
  },
  'framework.fileInvalid': {
    id: 'Berkas kerangka tidak dapat diimpor; tidak ada yang disimpan. Perbaiki masalah berikut.',
    en: 'The framework file cannot be imported; nothing was saved. Fix the problems below.',
  },
  'framework.notExportable': {
    id: 'Isi versi ini belum sesuai struktur berkas sehingga tidak dapat ditulis sebagai XLSX; unduh sebagai JSON atau YAML, atau perbaiki masalah berikut.',
    en: 'This version’s content does not fit the file structure, so it cannot be written as XLSX; download it as JSON or YAML, or fix the problems below.',
  },
  'framework.fileType': {
    id: 'Jenis berkas tidak didukung: kirim isi berkas apa adanya dengan Content-Type {expected}.',
    en: 'Unsupported file type: send the file as the raw body with Content-Type {expected}.',
  },
  'framework.fileTooLarge': { id: 'Berkas kerangka melebihi batas {limit}.', en: 'The framework file exceeds the limit of {limit}.' },
  'framework.codeOfOtherProgramme': {
    id: 'Kode kerangka {code} sudah dipakai oleh program {existing}; berkas ini untuk program {programme}. Pakai kode lain.',
    en: 'Framework code {code} already belongs to programme {existing}; this file is for programme {programme}. Use another code.',
  },
  'framework.notRetirable': {
    id: 'Hanya versi PUBLISHED yang dapat dipensiunkan; versi ini berstatus {status}.',
    en: 'Only a PUBLISHED version can be retired; this one is {status}.',
  },
  'framework.pinnedByCycle': {
    id: 'Versi ini masih dipakai oleh siklus {cycles}; pindahkan siklus tersebut ke versi lain terlebih dahulu.',
    en: 'This version is still pinned by cycle(s) {cycles}; switch them to another version first.',
  },
  'cycle.notFound': { id: 'Siklus {id} tidak ditemukan.', en: 'Cycle {id} was not found.' },
  'assignment.invalid': {
    id: 'Penugasan tidak dapat disimpan; tidak ada yang diubah. Perbaiki butir berikut.',
    en: 'The assignments cannot be saved; nothing was changed. Fix the items below.',
  },
  'assignment.alreadySet': {
    id: 'Siklus ini sudah memiliki penugasan untuk {reporter} ({count} baris); ubah dengan PUT, penyalinan hanya untuk siklus tanpa penugasan.',
    en: 'This cycle already has assignments for {reporter} ({count} rows); change them with PUT, copying forward is only for a cycle without any.',
  },
  'assignment.nothingToCopy': {
    id: 'Tidak ada siklus sebelumnya yang memiliki penugasan untuk {reporter}.',
    en: 'No earlier cycle has assignments for {reporter}.',
  },
  'assignment.notReporter': {
    id: 'Organisasi {id} ({kind}) tidak menugaskan unit: sebutkan kementerian/lembaga (MINISTRY), Biro Hukum provinsi (BIRO_HUKUM), atau kabupaten/kota melalui regionCode.',
    en: 'Organisation {id} ({kind}) does not assign units: name a ministry or agency (MINISTRY), a province’s Biro Hukum (BIRO_HUKUM), or a regency/city with regionCode.',
  },
  'assignment.reporterRequired': {
    id: 'Sebutkan tepat satu pelapor: regionCode atau organisationId.',
    en: 'Name exactly one reporter: regionCode or organisationId.',
  },
  'printedReport.notFound': { id: 'Dokumen cetak {id} tidak ditemukan.', en: 'Printed document {id} was not found.' },
  'printedReport.pending': {
    id: 'Dokumen cetak {id} masih dibuat; coba unduh lagi sebentar lagi (statusnya READY bila sudah siap).',
    en: 'Printed document {id} is still being made; download it again shortly (its status turns READY when it is ready).',
  },
  'printedReport.failed': {
    id: 'Dokumen cetak {id} tidak dapat dibuat: {error}. Minta lagi setelah masalahnya diperbaiki.',
    en: 'Printed document {id} could not be made: {error}. Ask for it again once the problem is fixed.',
  },
  'printedReport.submissionRequired': {
    id: 'Sebutkan submissionId: laporan {kind} dibuat dari satu laporan yang sudah dinilai.',
    en: 'Give submissionId: a {kind} is made from one scored submission.',
  },
  'printedReport.cycleRequired': {
    id: 'Sebutkan cycleId (siklus RANHAM) dan regionCode atau organisationId untuk ringkasan tahunan.',
    en: 'Give cycleId (a RANHAM cycle) and regionCode or organisationId for a yearly summary.',
  },
  'printedReport.wrongProgramme': {
    id: 'Dokumen {kind} tidak dapat dibuat dari program {programme}: laporan nilai untuk KKP HAM, laporan periode dan ringkasan tahunan untuk RANHAM.',
    en: 'A {kind} cannot be made from programme {programme}: score reports are for KKP HAM, period reports and yearly summaries for RANHAM.',
  },
  'printedReport.notScored': {
    id: 'Laporan {id} belum memiliki nilai; dokumen dapat dicetak setelah laporan dinilai.',
    en: 'Submission {id} has no score yet; it can be printed once it is scored.',
  },
  'printedReport.nothingScored': {
    id: 'Belum ada laporan RANHAM tahun {year} yang dinilai untuk pelapor ini; ringkasan tahunan dapat dicetak setelah satu periode dinilai.',
    en: 'No RANHAM report of {year} is scored for this reporter yet; the yearly summary can be printed once a period is scored.',
  },
  'cycle.duplicate': {
    id: 'Siklus {programme} tahun {year} sudah ada.',
    en: 'A {programme} cycle for {year} already exists.',
  },
  'cycle.versionNotAdoptable': {
    id: 'Siklus hanya dapat memakai versi PUBLISHED dari program {programme}; versi {version} berstatus {status} untuk program {versionProgramme}.',
    en: 'A cycle can only adopt a PUBLISHED version of programme {programme}; version {version} is {status} for programme {versionProgramme}.',
  },
  'recalculation.notFound': { id: 'Penghitungan ulang {id} tidak ditemukan.', en: 'Recalculation run {id} was not found.' },
  'score.notFound': { id: 'Nilai {id} tidak ditemukan.', en: 'Score {id} was not found.' },
  'score.subjectRequired': {
    id: 'Sebutkan regionCode atau organisationId.',
    en: 'Give a regionCode or an organisationId.',
  },
  'ranhamYearly.oneSubject': {
    id: 'Sebutkan salah satu: regionCode (kabupaten/kota) atau organisationId (kementerian/lembaga atau Biro Hukum provinsi), bukan keduanya.',
    en: 'Give one of regionCode (a regency/city) or organisationId (a ministry or a province’s Biro Hukum), not both.',
  },
  'ranhamYearly.notReporter': {
    id: 'Organisasi jenis {kind} bukan pelapor RANHAM: nilai tahunan dimiliki kementerian/lembaga, Biro Hukum provinsi, atau kabupaten/kota (regionCode).',
    en: 'An organisation of kind {kind} is not a RANHAM reporter: a yearly score belongs to a ministry, a province’s Biro Hukum, or a regency/city (regionCode).',
  },
  'ranhamYearly.noRules': {
    id: 'Belum ada kerangka RANHAM yang terbit untuk tahun {year}; terbitkan kerangka atau buka siklusnya terlebih dahulu.',
    en: 'No published RANHAM framework applies to {year}; publish one or open its cycle first.',
  },
  'cycle.decreed': {
    id: 'Hasil siklus {programme} {year} sudah final dengan keputusan {number}; hasilnya tidak dapat diubah lagi.',
    en: 'The results of the {programme} {year} cycle are final with decree {number}; they can no longer change.',
  },
  'cycle.decreeNotKkp': {
    id: 'Hanya siklus KKP_HAM yang memiliki keputusan menteri; siklus ini {programme}.',
    en: 'Only a KKP_HAM cycle has a minister’s decree; this cycle is {programme}.',
  },
  'adjustment.cycleNotKkp': {
    id: 'Penyesuaian dan penghargaan pembina hanya untuk siklus KKP_HAM; siklus ini {programme}.',
    en: 'Adjustments and the pembina award are for KKP_HAM cycles only; this cycle is {programme}.',
  },
  'adjustment.noDerivedRule': {
    id: 'Kerangka siklus KKP HAM {year} tidak memiliki penyesuaian yang diturunkan dari nilai tahunan RANHAM (rules.adjustments[].source); tambahkan dalam versi baru.',
    en: 'The framework of the KKP HAM {year} cycle has no adjustment derived from the RANHAM yearly score (rules.adjustments[].source); add one in a new version.',
  },
  'adjustment.notKkp': {
    id: 'Penyesuaian hanya untuk laporan KKP_HAM; laporan ini {programme}.',
    en: 'Adjustments apply to KKP_HAM reports only; this report is {programme}.',
  },
  'adjustment.notScoredSubject': {
    id: 'Laporan {id} tidak dinilai sendiri (masukan unit atau laporan yang sudah digantikan); sesuaikan laporan kabupaten/kota yang berlaku.',
    en: 'Report {id} is not scored on its own (a unit’s input or a superseded report); adjust the regency/city’s current report.',
  },
  'adjustment.notScorable': {
    id: 'Laporan berstatus {status} belum dapat disesuaikan; penyesuaian hanya untuk laporan berstatus {allowed}.',
    en: 'A report in status {status} cannot be adjusted yet; adjustments apply to reports in status {allowed}.',
  },
  'adjustment.unknownCode': {
    id: 'Kode penyesuaian {code} tidak ada dalam kerangka laporan ini. Kode yang dikenal: {known}.',
    en: 'Adjustment code {code} is not in this report’s framework. Known codes: {known}.',
  },
  'adjustment.valueOutOfRange': {
    id: 'Nilai penyesuaian {code} dalam poin harus antara 0 dan {max}.',
    en: 'The value of adjustment {code} is in points and must be between 0 and {max}.',
  },
  'apiToken.notFound': { id: 'Token API {id} tidak ditemukan.', en: 'API token {id} was not found.' },
  'apiToken.mintedByToken': {
    id: 'Token API tidak dapat membuat token API. Masuk sebagai admin nasional untuk membuat token baru.',
    en: 'An API token cannot create API tokens. Sign in as a national admin to create a new token.',
  },
  'audit.cursorWithPage': {
    id: 'Gunakan cursor atau page, jangan keduanya. Untuk halaman berikutnya kirim nextCursor dari halaman sebelumnya sebagai cursor.',
    en: 'Give either cursor or page, not both. For the next page send the previous page’s nextCursor as cursor.',
  },
  'export.regionOutOfScope': {
    id: 'Kabupaten/kota dengan kode {code} tidak ditemukan dalam cakupan akses Anda.',
    en: 'No regency or city with code {code} was found within your access.',
  },
  'export.provinceOutOfScope': {
    id: 'Provinsi dengan kode {code} tidak ditemukan dalam cakupan akses Anda.',
    en: 'No province with code {code} was found within your access.',
  },
  'export.rangeReversed': { id: 'harus sama dengan atau setelah from ({from})', en: 'must be at or after from ({from})' },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

export function translate(key: MessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/**
 * The params a message names, for the error body's machine-readable `details`: only those its text shows in either
 * language, so `details` never tells a client more than the message already does.
 */
export function namedParams(key: MessageKey, params: Record<string, string | number>): Record<string, string | number> {
  const named = new Set([...`${MESSAGES[key].id} ${MESSAGES[key].en}`.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
  return Object.fromEntries(Object.entries(params).filter(([name]) => named.has(name)));
}

/** Problems with one field, from class-validator constraint names. */
const FIELD_PROBLEMS: Record<string, Bilingual> = {
  whitelistValidation: { id: 'kolom ini tidak dikenal; hapus kolom ini', en: 'unknown field; remove it' },
  isDefined: { id: 'wajib diisi', en: 'is required' },
  isNotEmpty: { id: 'wajib diisi', en: 'is required' },
  isString: { id: 'harus berupa teks', en: 'must be a string' },
  isInt: { id: 'harus berupa bilangan bulat', en: 'must be a whole number' },
  min: { id: 'terlalu kecil', en: 'is too small' },
  max: { id: 'terlalu besar', en: 'is too large' },
  isEnum: { id: 'harus salah satu dari: {values}', en: 'must be one of: {values}' },
  isEmail: { id: 'harus berupa alamat email yang valid', en: 'must be a valid email address' },
  matches: { id: 'formatnya salah; contoh: {example}', en: 'has the wrong format; example: {example}' },
  isObject: { id: 'harus berupa objek JSON', en: 'must be a JSON object' },
  isAnswers: {
    id: 'harus berupa objek {kodeIndikator: nilai}, nilai berupa angka, ya/tidak, teks, atau null',
    en: 'must be an object {indicatorCode: value} with number, true/false, text or null values',
  },
  maxLength: { id: 'terlalu panjang', en: 'is too long' },
  minLength: { id: 'terlalu pendek', en: 'is too short' },
  invitationOnly: {
    id: 'tidak diterima lagi: akun baru mendapat undangan lewat email untuk membuat kata sandinya sendiri',
    en: 'is no longer accepted: new accounts get an email invitation to set their own password',
  },
  isIso8601: {
    id: 'harus berupa tanggal yang ada, format ISO 8601, mis. 2026-01-31 atau 2026-01-31T16:00:00+07:00',
    en: 'must be a real date in ISO 8601 form, e.g. 2026-01-31 or 2026-01-31T16:00:00+07:00',
  },
};

const UNFILLED_FALLBACKS: Record<string, Bilingual> = {
  matches: { id: 'formatnya salah', en: 'has the wrong format' },
};

export function translateFieldProblem(
  constraint: string,
  fallback: string,
  locale: Locale,
  context: Record<string, string> = {},
): string {
  const template = FIELD_PROBLEMS[constraint]?.[locale];
  if (!template) return fallback;
  const filled = template.replace(/\{(\w+)\}/g, (match, name: string) => context[name] ?? match);
  // A rule declared without its context (e.g. a format without an example) still reads as a sentence.
  return /\{\w+\}/.test(filled) ? (UNFILLED_FALLBACKS[constraint]?.[locale] ?? fallback) : filled;
}
