// The members the server knows (one per phone key or study name): the host merges two who
// are one person, or forgets one with everything stored about them.
import { useState } from 'react';
import type { MemberSummary } from '../../../shared/memory-types.js';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';

export function MembersPanel({ onChange }: { onChange(): void }) {
  const [version, setVersion] = useState(0);
  const members = useApi<MemberSummary[]>('/api/members', { version });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const rows = members.data ?? [];

  const act = async (what: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await what();
      setDone(message);
      setVersion((v) => v + 1);
      onChange();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      <p className="hint">
        Everyone whose answers count toward the group’s memory. Merge two entries that are one person on two phones; forget
        deletes a member’s memory and answers for good (their past games’ results stay as they were).
      </p>
      <Notice>{members.error ?? error}</Notice>
      <Notice kind="success">{done}</Notice>
      {rows.length === 0 && !members.loading ? <p className="hint">Nobody yet.</p> : null}
      {rows.length ? (
        <div className="table-scroll">
          <table className="data-table members-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Also played as</th>
                <th scope="col" className="num">
                  Games
                </th>
                <th scope="col" className="num">
                  Facts
                </th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <MemberRow
                  key={m.id}
                  member={m}
                  others={rows.filter((o) => o.id !== m.id)}
                  onMerge={(into) => act(() => api('/api/members/merge', { method: 'POST', body: { from: m.id, into: into.id } }), `${m.name} is now part of ${into.name}.`)}
                  onForget={() => act(() => api(`/api/members/${encodeURIComponent(m.id)}`, { method: 'DELETE' }), `${m.name} is forgotten.`)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function MemberRow({ member, others, onMerge, onForget }: { member: MemberSummary; others: MemberSummary[]; onMerge(into: MemberSummary): void; onForget(): void }) {
  const [into, setInto] = useState('');
  const [confirming, setConfirming] = useState(false);
  const target = others.find((o) => o.id === into) ?? null;
  const aliases = member.nicknames.filter((n) => n !== member.name);
  return (
    <tr>
      <th scope="row">
        {member.name}
        {member.studyName ? <span className="tag">study name</span> : null}
      </th>
      <td>{aliases.length ? aliases.join(', ') : '–'}</td>
      <td className="num">{member.games}</td>
      <td className="num">{member.facts}</td>
      <td>{formatDate(member.lastSeenAt)}</td>
      <td>
        <span className="member-actions">
          {others.length ? (
            <>
              <label className="visually-hidden" htmlFor={`merge-${member.id}`}>
                Merge {member.name} into
              </label>
              <select id={`merge-${member.id}`} value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="">Merge into…</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <button type="button" className="button small" disabled={!target} onClick={() => target && onMerge(target)}>
                Merge
              </button>
            </>
          ) : null}
          {confirming ? (
            <>
              <button type="button" className="button small danger" onClick={onForget}>
                Forget {member.name} for good
              </button>
              <button type="button" className="button small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button small" onClick={() => setConfirming(true)}>
              Forget…
            </button>
          )}
        </span>
      </td>
    </tr>
  );
}
