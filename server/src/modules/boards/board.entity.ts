import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { BoardTemplate } from '@relab/shared';

/** A whiteboard of a lab; its content is the Yjs document `board:<id>`. */
@Entity({ name: 'boards' })
export class Board {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') labId: string;
  @Column('text') title: string;
  @Column('text') template: BoardTemplate;
  @Column('uuid') createdBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
