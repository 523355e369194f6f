import { Module } from '@nestjs/common';
import { ScoresModule } from '../scores/scores.module';
import { AdjustmentsController } from './adjustments.controller';
import { AdjustmentsRepository } from './adjustments.repository';
import { AdjustmentsService } from './adjustments.service';
import { AwardsController } from './awards.controller';
import { AwardsRepository } from './awards.repository';
import { AwardsService } from './awards.service';

/** The central stage of KKP HAM: adjustments of scores, and the provincial award read from the cycle's bands. */
@Module({ imports: [ScoresModule], controllers: [AdjustmentsController, AwardsController], providers: [AdjustmentsRepository, AdjustmentsService, AwardsRepository, AwardsService] })
export class AdjustmentsModule {}
