import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { SESSION_NOTES_DOC_TYPE, type AgendaKind, type LabRole, type Language, type SessionReport, type StakeholderGroup } from '@relab/shared';

type Labels = {
  report: string;
  when: string;
  where: string;
  online: string;
  started: string;
  ended: string;
  attendance: string;
  present: string;
  items: string;
  versions: string;
  notes: string;
  notSaved: string;
  none: string;
  minutes: string;
  groups: Record<StakeholderGroup | 'unknown', string>;
  roles: Record<LabRole, string>;
  kinds: Record<AgendaKind, string>;
};

/** The few fixed words of a session report, in the lab's three languages. */
export const REPORT_LABELS: Record<Language, Labels> = {
  nl: {
    report: 'Verslag van de sessie', when: 'Gepland', where: 'Plaats', online: 'Online', started: 'Gestart', ended: 'Beëindigd',
    attendance: 'Aanwezigheid', present: 'aanwezig', items: 'Behandelde agendapunten', versions: 'Bewaarde versies',
    notes: 'Notities', notSaved: 'niet bewaard', none: 'Geen', minutes: 'min',
    groups: {
      justice: 'Justitie', corrections: 'Gevangeniswezen', probation: 'Justitiehuizen', police: 'Politie', prevention: 'Preventie',
      social: 'Sociaal werk', health: 'Gezondheid', religious: 'Religieuze consulenten', civil_society: 'Middenveld', research: 'Onderzoek',
      family: 'Familieleden', returnee: 'Terugkeerders', unknown: 'Overige',
    },
    roles: { facilitator: 'facilitator', practitioner: 'praktijkwerker', family: 'familielid', returnee: 'terugkeerder', observer: 'waarnemer' },
    kinds: { discussion: 'Vrije bespreking', reflection: 'Casusreflectie', board: 'Whiteboard', dialogue: 'Dialoog' },
  },
  fr: {
    report: 'Compte rendu de la session', when: 'Prévue', where: 'Lieu', online: 'En ligne', started: 'Commencée', ended: 'Terminée',
    attendance: 'Présences', present: 'présent·es', items: "Points de l'ordre du jour traités", versions: 'Versions enregistrées',
    notes: 'Notes', notSaved: 'non enregistrée', none: 'Aucun', minutes: 'min',
    groups: {
      justice: 'Justice', corrections: 'Établissements pénitentiaires', probation: 'Maisons de justice', police: 'Police', prevention: 'Prévention',
      social: 'Travail social', health: 'Santé', religious: 'Conseillers religieux', civil_society: 'Société civile', research: 'Recherche',
      family: 'Proches', returnee: 'Personnes de retour', unknown: 'Autres',
    },
    roles: { facilitator: 'facilitateur·rice', practitioner: 'praticien·ne', family: 'proche', returnee: 'personne de retour', observer: 'observateur·rice' },
    kinds: { discussion: 'Discussion libre', reflection: 'Réflexion de cas', board: 'Tableau blanc', dialogue: 'Dialogue' },
  },
  en: {
    report: 'Session report', when: 'Planned', where: 'Place', online: 'Online', started: 'Started', ended: 'Ended',
    attendance: 'Attendance', present: 'present', items: 'Agenda items covered', versions: 'Versions saved',
    notes: 'Notes', notSaved: 'not saved', none: 'None', minutes: 'min',
    groups: {
      justice: 'Justice', corrections: 'Prisons', probation: 'Justice houses (probation)', police: 'Police', prevention: 'Prevention',
      social: 'Social work', health: 'Health', religious: 'Religious counsellors', civil_society: 'Civil society', research: 'Research',
      family: 'Family members', returnee: 'Returnees', unknown: 'Other',
    },
    roles: { facilitator: 'facilitator', practitioner: 'practitioner', family: 'family member', returnee: 'returnee', observer: 'observer' },
    kinds: { discussion: 'Discussion', reflection: 'Case reflection', board: 'Whiteboard', dialogue: 'Dialogue' },
  },
};

const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

interface Section {
  level: 2 | 3;
  heading: string;
  lines: string[];
}

/** The report as headed sections of plain lines: one layout for Markdown and PDF. */
export function reportSections(r: SessionReport, language: Language): { title: string; meta: string[]; sections: Section[] } {
  const l = REPORT_LABELS[language];
  const at = (iso: string | null, format = DateTime.DATETIME_MED) =>
    iso ? DateTime.fromISO(iso, { zone: r.session.timeZone }).setLocale(LOCALES[language]).toLocaleString(format) : '–';
  const time = (iso: string) => at(iso, DateTime.TIME_SIMPLE);
  const meta = [`${l.when}: ${at(r.session.startsAt)} – ${time(r.session.endsAt)} (${r.session.timeZone})`];
  if (r.session.location) meta.push(`${l.where}: ${r.session.location}`);
  if (r.session.onlineUrl) meta.push(`${l.online}: ${r.session.onlineUrl}`);
  meta.push(`${l.started}: ${at(r.startedAt)} · ${l.ended}: ${at(r.endedAt)}`);

  const sections: Section[] = [];
  const count = r.attendance.reduce((n, g) => n + g.members.length, 0);
  sections.push({ level: 2, heading: `${l.attendance} (${count} ${l.present})`, lines: r.attendance.length ? [] : [l.none] });
  for (const g of r.attendance) {
    sections.push({
      level: 3,
      heading: `${l.groups[g.group]} (${g.members.length})`,
      lines: g.members.map((m) => `${m.displayName} (${l.roles[m.role]}) · ${time(m.firstSeenAt)}–${time(m.lastSeenAt)}`),
    });
  }
  sections.push({
    level: 2,
    heading: l.items,
    lines: r.itemsCovered.length ? r.itemsCovered.map((i, n) => `${n + 1}. ${i.title} · ${l.kinds[i.kind]} · ${time(i.startedAt)} · ${i.minutes} ${l.minutes}`) : [l.none],
  });
  sections.push({
    level: 2,
    heading: l.versions,
    lines: r.versions.length
      ? r.versions.map((v) => `${v.docName.startsWith(`${SESSION_NOTES_DOC_TYPE}:`) ? l.notes : v.title} · ${v.versionId ?? l.notSaved}`)
      : [l.none],
  });
  return { title: `${l.report}: ${r.session.title}`, meta, sections };
}

/** Markdown-safe text: what people typed never becomes markup. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~#])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(?=\s)/, '$1\\$2')
    .replace(/\r?\n/g, ' ');
}

export function reportMarkdown(r: SessionReport, language: Language): string {
  const { title, meta, sections } = reportSections(r, language);
  const out = [`# ${escapeMarkdown(title)}`, '', ...meta.map((m) => `${escapeMarkdown(m)}  `), ''];
  for (const s of sections) {
    out.push(`${'#'.repeat(s.level)} ${escapeMarkdown(s.heading)}`, '');
    for (const line of s.lines) out.push(`- ${escapeMarkdown(line)}`);
    out.push('');
  }
  return out.join('\n');
}

export function reportPdf(r: SessionReport, language: Language): Promise<Buffer> {
  const { title, meta, sections } = reportSections(r, language);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Producer: 'RELAB', Creator: 'RELAB' } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(18).text(title);
    doc.moveDown(0.5).font('Helvetica-Oblique').fontSize(9).fillColor('#444');
    for (const m of meta) doc.text(m);
    doc.fillColor('#000');
    for (const s of sections) {
      const top = s.level === 2;
      doc.moveDown(top ? 1 : 0.5).font('Helvetica-Bold').fontSize(top ? 13 : 11).text(s.heading).moveDown(0.2);
      for (const line of s.lines) doc.font('Helvetica').fontSize(10.5).text(line, { indent: 10, paragraphGap: 3 });
    }
    doc.end();
  });
}
