import { Module } from '@nestjs/common';
import { RanhamYearlyRepository } from './ranham-yearly.repository';
import { RanhamYearlyService } from './ranham-yearly.service';
import { ScoresController } from './scores.controller';
import { ScoresRepository } from './scores.repository';
import { ScoresService } from './scores.service';

@Module({
  controllers: [ScoresController],
  providers: [ScoresRepository, ScoresService, RanhamYearlyRepository, RanhamYearlyService],
  // The yearly score feeds the Aksi HAM bonus and the pembina award.
  exports: [RanhamYearlyService],
})
export class ScoresModule {}
