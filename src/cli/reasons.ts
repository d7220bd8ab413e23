import type { Lang } from '../core';
import { XlsxReadError } from '../xlsx/read';
import { XlsxWriteError } from '../xlsx/write';
import { OutputRefused } from './output';
import { CLI_TEXT } from './text';

const ERRNO_ZH: Record<string, string> = {
  ENOENT: '文件不存在', EISDIR: '这是一个文件夹', EACCES: '没有访问权限', EPERM: '没有访问权限', ENOSPC: '磁盘空间不足',
  ENOTDIR: '路径中有一级不是文件夹', ELOOP: '路径中的符号链接过多或成环', EROFS: '文件系统是只读的', EEXIST: '文件已存在',
  ENAMETOOLONG: '文件名过长', EBUSY: '文件正被占用', EDQUOT: '超出磁盘配额', EIO: '磁盘读写错误', EMFILE: '打开的文件过多',
};
const ERRNO_EN: Record<string, string> = {
  ENOENT: 'file not found', EISDIR: 'it is a folder', EACCES: 'permission denied', EPERM: 'permission denied', ENOSPC: 'no space left on the disk',
  ENOTDIR: 'a part of the path is not a folder', ELOOP: 'too many symbolic links in the path, or a loop', EROFS: 'the file system is read-only', EEXIST: 'the file exists',
  ENAMETOOLONG: 'the file name is too long', EBUSY: 'the file is busy', EDQUOT: 'the disk quota is exceeded', EIO: 'a disk input/output error',
  EMFILE: 'too many open files',
};

/** Why a file could not be read or written, in words: never the system's raw text (it may name the temporary file). */
export function ioReason(e: unknown, lang: Lang, writing = false): string {
  const t = CLI_TEXT[lang];
  if (e instanceof XlsxReadError || e instanceof XlsxWriteError) return lang === 'en-US' ? e.messageEn : e.message;
  if (e instanceof OutputRefused) return t.outputRefused[e.reason];
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (writing && code === 'ENOENT') return lang === 'en-US' ? 'the folder does not exist' : '所在文件夹不存在';
  if (code) return (lang === 'en-US' ? ERRNO_EN : ERRNO_ZH)[code] ?? t.systemError(code);
  return e instanceof Error ? e.message : String(e);
}
