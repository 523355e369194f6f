import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { ApiConfig } from '@peduli/config';
import type { Redis } from 'ioredis';
import { ApiTokensRepository } from '../api-tokens/api-tokens.repository';
import { REDIS_PRODUCER } from '../infrastructure/tokens';
import { UsersRepository } from '../users/users.repository';
import { AccessService } from './access.service';
import { AuthController } from './auth.controller';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthGuard } from './auth.guard';
import { AuthenticationService, JWT_ALGORITHM } from './authentication.service';
import { LoginThrottleCleanup, LoginThrottleStore } from './login-throttle';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SessionsRepository } from './sessions.repository';
import { SignInService } from './sign-in.service';

@Global()
@Module({})
export class AuthModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          // A key object made once: given a string, jsonwebtoken tries (and fails) to parse it as a public key on every
          // sign and verify, which was the API's largest CPU cost per request.
          secret: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
          signOptions: { algorithm: JWT_ALGORITHM },
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        }),
        ThrottlerModule.forRootAsync({
          inject: [REDIS_PRODUCER],
          useFactory: (redis: Redis) => ({
            throttlers: [{ name: 'auth', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
            storage: new RedisThrottlerStorage(redis, config.QUEUE_PREFIX),
          }),
        }),
      ],
      controllers: [AuthController],
      providers: [
        AuthenticationService,
        SignInService,
        AccessService,
        LoginThrottleStore,
        LoginThrottleCleanup,
        AuthThrottlerGuard,
        UsersRepository,
        SessionsRepository,
        ApiTokensRepository,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthenticationService, AccessService],
    };
  }
}
