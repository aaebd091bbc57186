import { describe, expect, it } from 'vitest';
import {
  actorName,
  changedFieldsText,
  entryPhraseOf,
  fieldLabel,
  formatValue,
  isLongValue,
  phraseOf,
  phraseText,
} from './change-text';

const sentence = (change: Parameters<typeof phraseOf>[0]) => phraseText(phraseOf(change));

describe('changes in words', () => {
  it('shouldPutTheNameAfterTheVerbOfTheServersSummary', () => {
    expect(sentence({ entityType: 'CARD', title: 'Draft charter', summary: 'moved from May to June' })).toBe(
      "moved 'Draft charter' from May to June",
    );
    expect(sentence({ entityType: 'CARD', title: 'Draft charter', summary: 'created in May 2024' })).toBe(
      "created 'Draft charter' in May 2024",
    );
    expect(sentence({ entityType: 'MEETING', title: '#3', summary: 'marked tentative' })).toBe(
      'marked meeting #3 tentative',
    );
    expect(sentence({ entityType: 'MEMBER', title: 'Bob Member', summary: 'added as MEMBER' })).toBe(
      'added Bob Member as member',
    );
    expect(sentence({ entityType: 'GROUP', title: 'Core', summary: 'deleted the group' })).toBe(
      'deleted the group',
    );
  });

  it('shouldSayWhatChangedForFieldEdits', () => {
    expect(sentence({ entityType: 'CARD', title: 'Draft', summary: 'status PLANNED -> DONE' })).toBe(
      "changed 'Draft': status Planned → Done",
    );
    expect(sentence({ entityType: 'GOAL', title: 'Vision', summary: 'description changed' })).toBe(
      "changed goal 'Vision': description changed",
    );
    expect(
      sentence({ entityType: 'MILESTONE', title: 'May 2024', summary: 'title none -> "Kick-off"' }),
    ).toBe('changed the milestone of May 2024: title none → "Kick-off"');
    expect(sentence({ entityType: 'CARD', title: '', summary: '' })).toBe('changed a card');
  });

  it('shouldNameTheFieldsOfAnEditAndLeaveTheirValuesToTheDetails', () => {
    const edit = {
      action: 'UPDATED' as const,
      entityType: 'CARD' as const,
      title: 'Draft charter',
      summary: 'title "Draft" -> "Draft charter"; goal 3 -> none',
      diff: [
        { field: 'goalId', from: 3, to: null },
        { field: 'title', from: 'Draft', to: 'Draft charter' },
      ],
    };
    expect(phraseText(entryPhraseOf(edit))).toBe("changed the title and goal of 'Draft charter'");
    expect(
      phraseText(
        entryPhraseOf({
          ...edit,
          entityType: 'MEETING',
          title: '#3',
          summary: 'confirmed',
          diff: [{ field: 'tentative', from: true, to: false }],
        }),
      ),
    ).toBe('confirmed meeting #3');
    expect(phraseText(entryPhraseOf({ ...edit, action: 'MOVED', summary: 'moved from May to June' }))).toBe(
      "moved 'Draft charter' from May to June",
    );
    expect(sentence({ entityType: 'MEETING', title: '#2', summary: 'scheduled for 2027-01-13' })).toBe(
      'scheduled meeting #2 for Wed 13 Jan 2027',
    );
  });

  it('shouldNameWhoChangedIt', () => {
    expect(actorName({ subject: 'a1', name: 'Alice' })).toBe('Alice');
    expect(actorName({ subject: 'a1', name: '' })).toBe('Someone');
    expect(actorName(null)).toBe('Milepost');
  });

  it('shouldShowValuesWithTheLabelsPeopleKnow', () => {
    const goals = new Map([[3, 'The Process']]);
    expect(formatValue('status', 'IN_PROGRESS')).toBe('In progress');
    expect(formatValue('goalId', 3, { goals })).toBe('The Process');
    expect(formatValue('goalId', 9, { goals })).toBe('Goal #9');
    expect(formatValue('month', '2024-06')).toBe('June 2024');
    expect(formatValue('month', null)).toBe('Backlog');
    expect(formatValue('responsible', null)).toBeNull();
    expect(formatValue('responsible', '')).toBeNull();
    expect(formatValue('date', '2024-05-07')).toBe('Tue 7 May 2024');
    expect(formatValue('tentative', true)).toBe('Yes');
    expect(formatValue('role', 'CHAIR')).toBe('Chair');
    expect(formatValue('objectives', ['Agree', 'Plan'])).toBe('Agree; Plan');
    expect(formatValue('cardIds', [4, 5])).toBe('#4, #5');
    expect(fieldLabel('goalId')).toBe('Goal');
    expect(fieldLabel('measureCurrent')).toBe('Current');
    expect(fieldLabel('someNewField')).toBe('Some new field');
    expect(isLongValue('short')).toBe(false);
    expect(isLongValue('two\nlines')).toBe(true);
  });

  it('shouldListTheChangedFields', () => {
    const diff = (...fields: string[]) => ({ diff: fields.map((field) => ({ field, from: 1, to: 2 })) });
    expect(changedFieldsText(diff('status'))).toBe('changed the status');
    // In the order a card reads, whatever the order of the server's diff.
    expect(changedFieldsText(diff('support', 'status'))).toBe('changed the status and support');
    expect(changedFieldsText(diff('deliverable', 'support', 'goalId', 'status', 'title'))).toBe(
      'changed the title, status, goal and 2 more fields',
    );
  });
});
