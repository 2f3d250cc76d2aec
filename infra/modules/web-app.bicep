// The server: one Linux App Service plan and one web app running `node dist/server/main.js`
// (the bot's /api/messages, the tab under /tab and /api, and /health), as the user-assigned
// managed identity. App settings are written here, once, from `settings` (built in azure.bicep)
// plus PUBLIC_URL, which needs the site to exist.

@description('Azure region for the plan and the web app.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Name of the App Service plan.')
@minLength(1)
@maxLength(60)
param planName string

@description('Name of the web app; its host is <name>.azurewebsites.net unless App Service adds a unique suffix.')
@minLength(2)
@maxLength(60)
param siteName string

@description('App Service plan size. Basic (B1) and up keep the app always on; Free and Shared cannot.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param planSku string

@description('How many instances serve the app (Basic plans allow up to 3). Two or more share one store; only one sends reminders at a time (the lease).')
@minValue(1)
@maxValue(10)
param instanceCount int

@description('Node.js major version on App Service (the repository supports Node 20.19+ and 22).')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Log Analytics workspace that receives the App Service logs (console output, HTTP, platform).')
param workspaceId string

@description('App settings, by name. Secrets appear only as Key Vault references.')
param settings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance can serve any request: the store is shared and the server keeps no session.
    clientAffinityEnabled: false
    // Key Vault references are resolved as this identity (the vault grants it Secrets User).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'node dist/server/main.js'
      alwaysOn: true
      healthCheckPath: '/health'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      webSocketsEnabled: false
      use32BitWorkerProcess: false
    }
  }
}

// No username-and-password publishing: deployments authenticate with Entra ID.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// The site's own host name is only known once it exists, hence a separate settings resource.
var siteSettings = {
  PUBLIC_URL: 'https://${site.properties.defaultHostName}'
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, siteSettings)
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

@description('Resource id of the web app (the deploy step uploads to it).')
output id string = site.id

@description('The web app\'s host name, e.g. followthrough-dev-abc123.azurewebsites.net.')
output hostName string = site.properties.defaultHostName
