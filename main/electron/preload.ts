import { contextBridge, ipcRenderer } from 'electron';

// DO NOT expose ipcRenderer or more functions here: the renderer gets exactly one door, the contract's invoke.
contextBridge.exposeInMainWorld('officeBridge', {
  invoke: (op: string, input: unknown, session: string | null) => ipcRenderer.invoke('office:invoke', op, input, session),
});
