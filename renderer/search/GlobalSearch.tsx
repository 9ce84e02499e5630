import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Typography } from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../shared/search';
import { apiQuery } from '../components/api';
import { toAppError } from '../components/errors';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { groupHits, optionValueOf, pathOfHit } from './searchTargets';

const PLACEHOLDER = 'Tìm đơn vị, cơ quan, kế hoạch… (gõ không dấu cũng được)';

/** Header search over every entity; Ctrl+K puts the caret in it. */
export function GlobalSearch() {
  const [text, setText] = useState('');
  const wanted = useDebouncedValue(text.trim(), 150);
  const navigate = useNavigate();
  const selectRef = useRef<RefSelectProps>(null);
  useFocusShortcut(selectRef);

  const search = useQuery({ ...apiQuery('search.query', { text: wanted, limit: 20 }), enabled: wanted !== '', placeholderData: keepPreviousData });
  const hits = useMemo(() => (wanted === '' ? [] : (search.data ?? [])), [wanted, search.data]);
  const byValue = useMemo(() => new Map(hits.map((h) => [optionValueOf(h), h])), [hits]);

  const choose = (value: string) => {
    const hit = byValue.get(value);
    setText('');
    selectRef.current?.blur();
    if (hit) navigate(pathOfHit(hit));
  };

  return (
    <AutoComplete
      ref={selectRef}
      value={text}
      onChange={setText}
      onSelect={choose}
      defaultActiveFirstOption
      options={groupHits(hits).map((group) => ({
        label: group.label,
        options: group.hits.map((hit) => ({ value: optionValueOf(hit), label: <HitLabel hit={hit} /> })),
      }))}
      notFoundContent={text.trim() === '' ? null : <NotFound text={text} fetching={search.isFetching} error={search.error} />}
      popupMatchSelectWidth={520}
      style={{ width: 440, maxWidth: '50vw' }}
    >
      <Input aria-label="Tìm kiếm" placeholder={PLACEHOLDER} suffix={<kbd className="xhht-kbd">Ctrl K</kbd>} />
    </AutoComplete>
  );
}

function HitLabel({ hit }: { hit: SearchHit }) {
  return (
    <div style={{ lineHeight: 1.35, padding: '2px 0' }}>
      <div>{hit.label}</div>
      {hit.detail && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {hit.detail}
        </Typography.Text>
      )}
    </div>
  );
}

function NotFound({ text, fetching, error }: { text: string; fetching: boolean; error: unknown }) {
  if (error) return <span>{toAppError(error).message}</span>;
  if (fetching) return <span>Đang tìm…</span>;
  return <span>Không tìm thấy kết quả cho “{text.trim()}”. Thử gõ ít chữ hơn.</span>;
}

function useFocusShortcut(target: RefObject<RefSelectProps | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        target.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target]);
}
