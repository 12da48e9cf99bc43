import { useEffect, useRef } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { IS_WEAPP } from '../services/env';
import { reportCapture } from '../services/identity';

// Screens that show drafts, approvals or admin data (issue 3 §6): hide their content from
// screen recording where WeChat allows it, and report screenshots and recordings to the
// security log. On H5 there is nothing to hook; the hook does nothing there.

type CaptureApi = {
  setVisualEffectOnCapture?: (o: { visualEffect: 'hidden' | 'none' }) => Promise<unknown>;
  onUserCaptureScreen?: (cb: () => void) => void;
  offUserCaptureScreen?: (cb?: () => void) => void;
  onScreenRecordingStateChanged?: (cb: (r: { state: 'start' | 'stop' }) => void) => void;
  offScreenRecordingStateChanged?: (cb?: (r: { state: 'start' | 'stop' }) => void) => void;
};

/** `page` names the screen in the security log, e.g. 单位管理. */
export function useCaptureGuard(page: string): void {
  const active = useRef(false);
  const pageRef = useRef(page);
  pageRef.current = page;

  const api = Taro as unknown as CaptureApi;
  const onShot = useRef(() => void reportCapture(pageRef.current, 'screenshot'));
  const onRecording = useRef((r: { state: 'start' | 'stop' }) => {
    if (r?.state === 'start') void reportCapture(pageRef.current, 'recording');
  });

  const start = () => {
    if (!IS_WEAPP || active.current) return;
    active.current = true;
    try {
      void api.setVisualEffectOnCapture?.({ visualEffect: 'hidden' })?.catch?.(() => undefined);
    } catch {
      // Only some phones support it (Android); the screenshot report still works.
    }
    try {
      api.onUserCaptureScreen?.(onShot.current);
      api.onScreenRecordingStateChanged?.(onRecording.current);
    } catch {
      // older base library
    }
  };

  const stop = () => {
    if (!IS_WEAPP || !active.current) return;
    active.current = false;
    try {
      void api.setVisualEffectOnCapture?.({ visualEffect: 'none' })?.catch?.(() => undefined);
    } catch {
      // ignore
    }
    try {
      api.offUserCaptureScreen?.(onShot.current);
      api.offScreenRecordingStateChanged?.(onRecording.current);
    } catch {
      // ignore
    }
  };

  useDidShow(start);
  useDidHide(stop);
  useEffect(() => {
    start();
    return stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
