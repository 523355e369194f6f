import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { attachmentDisposition } from '../common/content-disposition';
import { uuidParam } from '../common/uuid-param';
import { CreatePrintedReportBody, PrintedReportPage, PrintedReportQuery, PrintedReportView } from './printed-reports.dto';
import { PrintedReportsService } from './printed-reports.service';

/** Printed documents (PDF): score reports, RANHAM period reports and yearly summaries, certificates. */
@ApiTags('printed-reports')
@ApiBearerAuth()
@Controller('printed-reports')
export class PrintedReportsController {
  constructor(private readonly reports: PrintedReportsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({
    summary: 'Ask for a printed document: a KKP HAM score report or a RANHAM period report of a scored submission, or a reporter’s RANHAM yearly summary',
    description:
      'Answers 202 with the request (PENDING until the report worker has made it). With nothing changed since an earlier request (the same score snapshots, the same decree, for a period report the same supporting documents by name) it answers 200 with that request instead, READY or still PENDING. Certificates are made when a cycle’s decree is recorded.',
  })
  @ApiAcceptedResponse({ type: PrintedReportView, description: 'A new document is being made' })
  @ApiOkResponse({ type: PrintedReportView, description: 'The document of the same data, already asked for' })
  @ApiErrors(400, 401, 403, 404, 409)
  async request(
    @Body() body: CreatePrintedReportBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PrintedReportView> {
    const outcome = await this.reports.request(body, principal, actor);
    if (!outcome.created) response.status(200);
    return outcome.report;
  }

  @Get()
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Printed documents in the caller’s scope, newest first, optionally of one cycle, regency/city, organisation or kind' })
  @ApiOkResponse({ type: PrintedReportPage })
  @ApiErrors(400, 401, 403)
  list(@Query() query: PrintedReportQuery, @CurrentPrincipal() principal: Principal): Promise<PrintedReportPage> {
    return this.reports.list(query, principal);
  }

  @Get(':id')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'One printed document’s request: its status, file name and content hash' })
  @ApiOkResponse({ type: PrintedReportView })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<PrintedReportView> {
    return this.reports.get(id, principal);
  }

  @Get(':id/content')
  @RequirePermission(Permission.SUBMISSIONS_READ)
  @ApiOperation({ summary: 'Download a READY printed document as a PDF attachment; 409 while it is being made or when it could not be made' })
  @ApiOkResponse({ description: 'The PDF, as an attachment named by its file name', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 401, 403, 404, 409)
  async content(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { report, stream } = await this.reports.content(id, principal);
    response.setHeader('Content-Disposition', attachmentDisposition(report.fileName));
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Length', String(report.sizeBytes));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    await pipeline(stream, response);
  }
}
