import { Module } from '@nestjs/common';
import { PublicResultsController } from './public-results.controller';
import { PublicResultsRepository } from './public-results.repository';
import { PublicResultsService } from './public-results.service';
import { PublicResultsThrottlerGuard } from './public-results.throttler.guard';

@Module({ controllers: [PublicResultsController], providers: [PublicResultsService, PublicResultsRepository, PublicResultsThrottlerGuard] })
export class PublicResultsModule {}
