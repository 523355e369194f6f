import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { UsersController } from './users.controller';

@Module({ imports: [AccountsModule], controllers: [UsersController] })
export class UsersModule {}
