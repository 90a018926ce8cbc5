import { useNoticeStore } from '../stores/notice-store';

export function NoticeBar() {
  const message = useNoticeStore((s) => s.message);
  const clear = useNoticeStore((s) => s.clear);
  if (!message) return null;
  return (
    <div className="notice-bar" role="alert">
      <span className="notice-text" title={message}>
        {message}
      </span>
      <button type="button" className="icon-button" aria-label="Dismiss error" onClick={clear}>
        ×
      </button>
    </div>
  );
}
