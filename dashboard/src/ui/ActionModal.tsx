// A dialog that asks before an action: what it concerns, a Cancel, and the action's own button.
import type { ReactNode } from 'react';
import { Box, Button, Modal, SpaceBetween } from '@cloudscape-design/components';
import { useT } from '../i18n';

export function ActionModal(props: {
  visible: boolean;
  header: string;
  action: string;
  disabled?: boolean;
  loading?: boolean;
  onAction: () => void;
  onDismiss: () => void;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <Modal
      visible={props.visible}
      onDismiss={props.onDismiss}
      header={props.header}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={props.onDismiss}>
              {t('cancel')}
            </Button>
            <Button variant="primary" disabled={props.disabled} loading={props.loading} onClick={props.onAction}>
              {props.action}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {props.children}
    </Modal>
  );
}
