import type { Language } from '../domain/languages.js';
import { LIFE_DOMAINS } from '../domain/life-domains.js';
import { lifeDomainLabel } from '../reflections/template.js';
import type { Shape, ShapeColor } from './model.js';

export const BOARD_TEMPLATES = ['blank', 'support_network', 'ties', 'retrospective'] as const;
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number];

type L = Record<Language, string>;
const T = {
  person: { nl: 'De persoon', fr: 'La personne', en: 'The person' },
  family: { nl: 'Familie', fr: 'Famille', en: 'Family' },
  professionals: { nl: 'Professionals', fr: 'Professionnel·les', en: 'Professionals' },
  community: { nl: 'Gemeenschap', fr: 'Communauté', en: 'Community' },
  supportNetwork: { nl: 'Steunnetwerk', fr: 'Réseau de soutien', en: 'Support network' },
  ties: { nl: 'Banden: bonding, bridging, linking', fr: 'Liens : bonding, bridging, linking', en: 'Ties: bonding, bridging, linking' },
  bonding: { nl: 'Bonding: binnen de eigen groep', fr: 'Bonding : au sein du groupe', en: 'Bonding: within one group' },
  bridging: { nl: 'Bridging: met andere groepen van gelijke positie', fr: 'Bridging : avec d’autres groupes de même position', en: 'Bridging: across groups of similar standing' },
  linking: { nl: 'Linking: over machtsverschillen heen', fr: 'Linking : à travers les rapports de pouvoir', en: 'Linking: across a power gradient' },
  heard: { nl: 'Wat we hoorden', fr: 'Ce que nous avons entendu', en: 'What we heard' },
  tryNext: { nl: 'Wat we proberen', fr: 'Ce que nous essayons', en: 'What we try' },
} satisfies Record<string, L>;

/**
 * The shapes a new board starts with, in the board's language. Pure: the server writes them into the new document
 * (author = the creator), `newId` gives fresh shape ids.
 */
export function boardTemplateShapes(template: BoardTemplate, language: Language, authorId: string, newId: () => string, now = new Date()): Shape[] {
  const createdAt = now.toISOString();
  let z = 0;
  const common = () => ({ id: newId(), z: z++, authorId, createdAt, locked: true, frameId: null });
  const frame = (x: number, y: number, w: number, h: number, title: string): Shape => ({ ...common(), type: 'frame', x, y, w, h, title });
  const ellipse = (cx: number, cy: number, r: number, color: ShapeColor, text: string): Shape => ({ ...common(), type: 'ellipse', x: cx - r, y: cy - r, w: 2 * r, h: 2 * r, color, text });
  const label = (x: number, y: number, w: number, text: string, fontSize = 20): Shape => ({ ...common(), type: 'text', x, y, w, h: fontSize * 2, text, fontSize });
  const sticky = (x: number, y: number, color: ShapeColor, text: string): Shape => ({ ...common(), locked: false, type: 'sticky', x, y, w: 160, h: 120, color, text });

  switch (template) {
    case 'blank':
      return [];
    case 'support_network': {
      // the person in the centre; rings for close (family), professional and community ties; a spoke per life domain
      const shapes: Shape[] = [label(-300, -720, 600, T.supportNetwork[language], 32)];
      shapes.push(ellipse(0, 0, 600, 'white', ''), ellipse(0, 0, 400, 'grey', ''), ellipse(0, 0, 200, 'yellow', ''));
      shapes.push(ellipse(0, 0, 70, 'orange', T.person[language]));
      shapes.push(label(-80, -190, 160, T.family[language], 18), label(-100, -390, 200, T.professionals[language], 18), label(-100, -590, 200, T.community[language], 18));
      LIFE_DOMAINS.forEach((d, i) => {
        const angle = (i / LIFE_DOMAINS.length) * 2 * Math.PI - Math.PI / 2 + Math.PI / LIFE_DOMAINS.length;
        shapes.push(label(Math.cos(angle) * 680 - 110, Math.sin(angle) * 680 - 20, 220, lifeDomainLabel(d, language), 16));
      });
      return shapes;
    }
    case 'ties':
      return [
        label(0, -80, 900, T.ties[language], 32),
        frame(0, 0, 420, 600, T.bonding[language]),
        frame(460, 0, 420, 600, T.bridging[language]),
        frame(920, 0, 420, 600, T.linking[language]),
      ];
    case 'retrospective':
      return [frame(0, 0, 600, 700, T.heard[language]), frame(640, 0, 600, 700, T.tryNext[language]), sticky(40, 60, 'yellow', ''), sticky(680, 60, 'green', '')];
  }
}
