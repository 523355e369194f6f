import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { CompileService } from './compile.service';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';
import { WorkbookController } from './workbook/workbook.controller';
import { WorkbookService } from './workbook/workbook.service';

@Module({ imports: [DeadlinesModule], controllers: [SubmissionsController, ReviewController, WorkbookController], providers: [SubmissionsRepository, SubmissionsService, ReviewRepository, ReviewService, EvidenceRepository, EvidenceService, CompileService, WorkbookService] })
export class SubmissionsModule {}
