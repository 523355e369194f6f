import { Module } from '@nestjs/common';
import { CompletenessController } from './completeness.controller';
import { CompletenessRepository } from './completeness.repository';
import { CompletenessService } from './completeness.service';

@Module({ controllers: [CompletenessController], providers: [CompletenessService, CompletenessRepository], exports: [CompletenessService] })
export class CompletenessModule {}
