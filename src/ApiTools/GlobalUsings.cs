// The namespaces nearly every file of this project uses, once instead of at the top of each file.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Net.Http;
global using System.Threading;
global using System.Threading.Tasks;
global using ApiTools.Common;
global using ApiTools.Errors;
global using ApiTools.Http;
