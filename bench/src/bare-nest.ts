import 'reflect-metadata';
import { Body, Controller, Module, Param, Patch } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/** The baseline of `ingest`: a bare Nest route on express that parses a JSON body and answers it, nothing else. */
@Controller('bare')
class BareController {
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return { id, body };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
