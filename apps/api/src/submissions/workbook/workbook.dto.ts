import { ApiProperty } from '@nestjs/swagger';
import { SubmissionView } from '../submissions.dto';

export class WorkbookNoticeView {
  @ApiProperty({ enum: ['HIDDEN_SHEET_IGNORED', 'SHEET_IGNORED', 'ITEMS_NOT_IN_FILE'], example: 'HIDDEN_SHEET_IGNORED' }) code: string;
  @ApiProperty({ nullable: true, type: String, example: 'Hitungan', description: 'The sheet the notice is about' }) sheet: string | null;
  @ApiProperty({ example: 'Lembar tersembunyi "Hitungan" diabaikan.', description: 'In the request’s language' }) message: string;
}

export class WorkbookUploadView extends SubmissionView {
  @ApiProperty({ type: [WorkbookNoticeView], description: 'What the upload left out on purpose: hidden or unknown sheets, items not in the file (their answers kept)' })
  notices: WorkbookNoticeView[];
}
