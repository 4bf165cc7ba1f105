import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { lifeDomainLabel, reflectionDocName, sectionDocName, type ReflectionDetail } from '@relab/shared';
import { DocAccessRegistry } from '../../collab/doc-access.registry.js';
import { DocumentManager } from '../../collab/documents/document-manager.js';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { blocksOfUpdate, escapeMarkdown, toMarkdown, type TextBlock } from './doc-text.js';
import { ReflectionsService } from './reflections.service.js';

export type ExportFormat = 'md' | 'pdf';

interface ExportContent {
  detail: ReflectionDetail;
  main: TextBlock[];
  sections: Array<{ title: string; blocks: TextBlock[] }>;
}

const LABELS = {
  nl: { domains: 'Levensdomeinen', tags: 'Trefwoorden', shared: 'Gedeeld op', approved: 'Goedgekeurd door', restricted: 'Enkel voor wie het moet weten' },
  fr: { domains: 'Domaines de vie', tags: 'Mots-clés', shared: 'Partagée le', approved: 'Approuvée par', restricted: 'Uniquement pour qui doit savoir' },
  en: { domains: 'Life domains', tags: 'Tags', shared: 'Shared on', approved: 'Approved by', restricted: 'Need to know only' },
} as const;

/**
 * Exports of a shared reflection, as the exporter sees it: the text, and only the sections they may open. The
 * author's key is never part of it (it is not in the documents). Every export is audited.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly reflections: ReflectionsService,
    private readonly registry: DocAccessRegistry,
    private readonly docs: DocumentManager,
    private readonly events: DomainEventBus,
  ) {}

  async export(labId: string, id: string, member: LabMember, format: ExportFormat): Promise<{ body: Buffer; type: string; filename: string }> {
    const opened = await this.reflections.open(labId, id, member);
    if (opened.reflection.status !== 'shared') throw new AppError('REFLECTION_WRONG_STATUS', 'Only a shared reflection is exported');
    const detail = await this.reflections.detail(opened);
    const content: ExportContent = {
      detail,
      main: await this.blocks(reflectionDocName(id)),
      sections: await Promise.all(detail.sections.map(async (s) => ({ title: s.title, blocks: await this.blocks(sectionDocName(s.id)) }))),
    };
    const body = format === 'md' ? Buffer.from(markdown(content), 'utf8') : await pdf(content);
    await this.events.emit('reflection.exported', { actorId: member.userId, labId, reflectionId: id, format });
    return {
      body,
      type: format === 'md' ? 'text/markdown; charset=utf-8' : 'application/pdf',
      filename: `reflection-${id.slice(0, 8)}.${format}`,
    };
  }

  private async blocks(docName: string): Promise<TextBlock[]> {
    const ref = this.registry.resolve(docName);
    return ref ? blocksOfUpdate(await this.docs.snapshot(ref)) : [];
  }
}

function meta(d: ReflectionDetail): string[] {
  const l = LABELS[d.language];
  const lines: string[] = [];
  if (d.lifeDomains.length) lines.push(`${l.domains}: ${d.lifeDomains.map((x) => lifeDomainLabel(x, d.language)).join(', ')}`);
  if (d.tags.length) lines.push(`${l.tags}: ${d.tags.join(', ')}`);
  if (d.sharedAt) lines.push(`${l.shared}: ${d.sharedAt.slice(0, 10)}`);
  if (d.approvedBy) lines.push(`${l.approved}: ${d.approvedBy.displayName}`);
  return lines;
}

export function markdown(c: ExportContent): string {
  const l = LABELS[c.detail.language];
  const parts = [`# ${escapeMarkdown(c.detail.title)}`, '', ...meta(c.detail).map((m) => `_${escapeMarkdown(m)}_  `), '', toMarkdown(c.main)];
  for (const s of c.sections) parts.push(`## ${escapeMarkdown(s.title)}`, '', `_${l.restricted}_`, '', toMarkdown(s.blocks));
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

function pdf(c: ExportContent): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: c.detail.title, Producer: 'RELAB', Creator: 'RELAB' } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(18).text(c.detail.title);
    doc.moveDown(0.5).font('Helvetica-Oblique').fontSize(9).fillColor('#444');
    for (const m of meta(c.detail)) doc.text(m);
    doc.fillColor('#000').moveDown();
    const write = (blocks: TextBlock[]) => {
      for (const b of blocks) {
        if (b.type === 'heading') {
          doc.moveDown(0.5).font('Helvetica-Bold').fontSize(b.level <= 2 ? 13 : 11).text(b.text).moveDown(0.2);
        } else if (b.text.trim() !== '') {
          const indent = b.list ? 14 * b.depth : 0;
          doc.font('Helvetica').fontSize(10.5).text(`${b.list === 'bullet' ? '• ' : b.list ? '– ' : ''}${b.text}`, { indent, paragraphGap: 4 });
        }
      }
    };
    write(c.main);
    for (const s of c.sections) {
      doc.moveDown().font('Helvetica-Bold').fontSize(13).text(s.title);
      doc.font('Helvetica-Oblique').fontSize(9).text(LABELS[c.detail.language].restricted).moveDown(0.3);
      write(s.blocks);
    }
    doc.end();
  });
}
