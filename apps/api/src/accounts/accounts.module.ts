import { Module } from '@nestjs/common';
import { SessionsRepository } from '../auth/sessions.repository';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({
  controllers: [AccountsController],
  providers: [AccountsService, AccountTokensRepository, SessionsRepository, UsersRepository],
  exports: [AccountsService],
})
export class AccountsModule {}
