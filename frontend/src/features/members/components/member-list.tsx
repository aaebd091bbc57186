import { useId, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Icon } from '@/components/ui/icon';
import { describeError, isApiError } from '@/lib/api-error';
import type { GroupRole, Member } from '@/types/domain';
import { useAddMember, useChangeRole, useRemoveMember, type NewMember } from '../api/members';
import './members.css';

const roles: { value: GroupRole; label: string; hint: string }[] = [
  { value: 'CHAIR', label: 'Chair', hint: 'manages members and settings' },
  { value: 'MEMBER', label: 'Member', hint: 'edits the plan' },
  { value: 'OBSERVER', label: 'Observer', hint: 'reads' },
];
const roleLabel = (role: GroupRole) => roles.find((r) => r.value === role)?.label ?? role;

/** Members and their roles. Chairs (canManage) change roles, add and remove members. */
export function MemberList({
  slug,
  members,
  canManage,
}: {
  slug: string;
  members: Member[];
  canManage: boolean;
}) {
  const changeRole = useChangeRole(slug);
  const remove = useRemoveMember(slug);
  const order: Record<GroupRole, number> = { CHAIR: 0, MEMBER: 1, OBSERVER: 2 };
  const sorted = [...members].sort(
    (a, b) => order[a.role] - order[b.role] || a.displayName.localeCompare(b.displayName),
  );
  return (
    <div className="panel">
      <ul className="member-list">
        {sorted.map((member) => (
          <li key={member.id} className="member-row" data-testid="member-row">
            <Avatar name={member.displayName || member.subject} size="md" />
            <div className="member-row__who">
              <span className="member-row__name">{member.displayName || member.subject}</span>
              {member.email ? <span className="member-row__email">{member.email}</span> : null}
            </div>
            {canManage ? (
              <>
                <label className="visually-hidden" htmlFor={`role-${member.id}`}>
                  Role of {member.displayName}
                </label>
                <select
                  id={`role-${member.id}`}
                  className="select member-row__role"
                  value={member.role}
                  onChange={(event) => changeRole.mutate({ member, role: event.target.value as GroupRole })}
                >
                  {roles.map((role) => (
                    <option key={role.value} value={role.value}>
                      {role.label}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${member.displayName}`}
                  onClick={() => {
                    if (window.confirm(`Remove ${member.displayName} from the group?`)) {
                      remove.mutate(member);
                    }
                  }}
                >
                  <Icon name="trash" />
                </button>
              </>
            ) : (
              <span className={`chip${member.role === 'CHAIR' ? ' chip--accent' : ''}`}>
                {roleLabel(member.role)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {canManage ? <AddMemberForm slug={slug} /> : null}
    </div>
  );
}

function AddMemberForm({ slug }: { slug: string }) {
  const id = useId();
  const empty: NewMember = { subject: '', displayName: '', email: '', role: 'MEMBER' };
  const [value, setValue] = useState<NewMember>(empty);
  const [open, setOpen] = useState(false);
  const add = useAddMember(slug);
  const set = <K extends keyof NewMember>(key: K, v: NewMember[K]) => setValue((m) => ({ ...m, [key]: v }));
  const fieldError = (field: string) => (isApiError(add.error) ? add.error.fieldError(field) : undefined);

  if (!open) {
    return (
      <div className="member-add">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          <Icon name="plus" /> Add member
        </button>
      </div>
    );
  }
  return (
    <form
      className="member-add form"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(value, { onSuccess: () => setValue(empty) });
      }}
    >
      {add.isError ? (
        <p className="field__error" role="alert">
          {describeError(add.error, 'add the member').message}
        </p>
      ) : null}
      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            required
            value={value.displayName}
            onChange={(event) => set('displayName', event.target.value)}
          />
          {fieldError('displayName') ? (
            <span className="field__error">{fieldError('displayName')}</span>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-subject`}>
            Account
          </label>
          <input
            id={`${id}-subject`}
            className="input"
            required
            value={value.subject}
            onChange={(event) => set('subject', event.target.value)}
          />
          <span className="field__hint">Their sign-in id (subject)</span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-email`}>
            Email
          </label>
          <input
            id={`${id}-email`}
            className="input"
            type="email"
            value={value.email}
            onChange={(event) => set('email', event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            Role
          </label>
          <select
            id={`${id}-role`}
            className="select"
            value={value.role}
            onChange={(event) => set('role', event.target.value as GroupRole)}
          >
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label} — {role.hint}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="member-add__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add member'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
