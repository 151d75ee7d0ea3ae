import { Input, Modal } from 'antd';
import { useState } from 'react';

/** Asks for a reason (report, hide, restore: 2–500 characters) before running an action. */
export default function ReasonDialog({
  open,
  title,
  label,
  onCancel,
  onSubmit,
  busy,
  error,
}: {
  open: boolean;
  title: string;
  label: string;
  onCancel(): void;
  onSubmit(reason: string): void;
  busy?: boolean;
  error?: string;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      okButtonProps={{ disabled: reason.trim().length < 2, loading: busy }}
      onOk={() => onSubmit(reason.trim())}
      destroyOnHidden
      afterClose={() => setReason('')}
    >
      <label htmlFor="reason-input">{label}</label>
      <Input.TextArea
        id="reason-input"
        value={reason}
        maxLength={500}
        autoSize={{ minRows: 3 }}
        onChange={(e) => setReason(e.target.value)}
        status={error ? 'error' : undefined}
      />
      {error && (
        <p role="alert" style={{ color: '#b3261e' }}>
          {error}
        </p>
      )}
    </Modal>
  );
}
