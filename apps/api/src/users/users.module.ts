import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({ imports: [AccountsModule], controllers: [UsersController], providers: [UsersService, UsersRepository] })
export class UsersModule {}
